package dev.loupe.api.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every broken constraint of one request and throws them together in the service's
 * words: {@code 2 validation errors detected: Value 'x' at 'projectName' failed to satisfy
 * constraint: Member must ...; Value null at 'datasetType' ...}. Patterns match the whole value,
 * as the service's front end did. Nested value types check themselves into the enclosing
 * request's instance with a field prefix ({@code datasetSource.groundTruthManifest.s3Object.bucket}),
 * so a value can be built freely and is judged where it is used.
 */
final class Constraints {
    static final Pattern PROJECT_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_\\-]*");
    static final Pattern DATASET_TYPE = Pattern.compile("train|test");
    static final Pattern CLIENT_TOKEN = Pattern.compile("^[a-zA-Z0-9-]+$");
    static final Pattern PAGINATION_TOKEN = Pattern.compile("^[a-zA-Z0-9\\/\\+\\=]{0,2048}$");
    static final Pattern ANOMALY_CLASS = Pattern.compile("(normal|anomaly)");
    static final Pattern QUERY_STRING = Pattern.compile(".*\\S.*", Pattern.DOTALL);
    static final Pattern BUCKET = Pattern.compile("[0-9A-Za-z\\.\\-_]*");
    static final Pattern OBJECT_KEY = Pattern.compile("^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$");
    static final Pattern OBJECT_VERSION = Pattern.compile(".*", Pattern.DOTALL);
    static final Pattern MODEL_VERSION = Pattern.compile("([1-9][0-9]*|latest)");
    static final Pattern MODEL_VERSION_NO_LATEST = Pattern.compile("([1-9][0-9]*)");
    static final Pattern MODEL_DESCRIPTION = Pattern.compile("[0-9A-Za-z\\.\\-_]*");
    static final Pattern KMS_KEY_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$");
    static final Pattern S3_PREFIX = Pattern.compile("^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$");
    static final Pattern TAG = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    static final Pattern CONTENT_TYPE = Pattern.compile(".*");
    static final Pattern PACKAGING_JOB_NAME = Pattern.compile("[a-zA-Z0-9-]+");
    static final Pattern PACKAGING_DESCRIPTION = Pattern.compile("[a-zA-Z0-9-_. ()':,;?]+");
    static final Pattern COMPONENT_NAME = Pattern.compile("[a-zA-Z0-9-_.]+");
    static final Pattern COMPONENT_VERSION = Pattern.compile("^([0-9]{1,6})\\.([0-9]{1,6})\\.([0-9]{1,6})$");
    static final Pattern COMPILER_OPTIONS = Pattern.compile(".*", Pattern.DOTALL);

    private final List<String> errors = new ArrayList<>();

    static Constraints check() {
        return new Constraints();
    }

    Constraints required(String field, Object value) {
        if (value == null) {
            errors.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** Length bounds and a pattern for a string; null passes (use {@link #required}). */
    Constraints string(String field, String value, int min, int max, Pattern pattern) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            fail(field, value, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            fail(field, value, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            fail(field, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    Constraints range(String field, Integer value, long min, long max) {
        if (value == null) {
            return this;
        }
        if (value < min) {
            fail(field, value, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            fail(field, value, "Member must have value less than or equal to " + max);
        }
        return this;
    }

    Constraints size(String field, Collection<?> value, int min, int max) {
        if (value != null && (value.size() < min || value.size() > max)) {
            fail(field, value, value.size() < min
                    ? "Member must have length greater than or equal to " + min
                    : "Member must have length less than or equal to " + max);
        }
        return this;
    }

    Constraints bytes(String field, SdkBytes value, long min, long max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            errors.add("Value at '" + field + "' failed to satisfy constraint: Member must have length "
                    + (value.length() < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return this;
    }

    /**
     * A wire value of an enum: one of {@code allowed}, listed in the message in their order
     * ({@code Member must satisfy enum value set: [ARM64, X86_64]}); null passes (use {@link #required}).
     */
    Constraints enumValue(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(field, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /**
     * A number at least another field's ({@code Member must be greater than or equal to
     * minInferenceUnits (2)}); passes unless both are set.
     */
    Constraints atLeast(String field, Integer value, String otherField, Integer other) {
        if (value != null && other != null && value < other) {
            fail(field, value, "Member must be greater than or equal to " + otherField + " (" + other + ")");
        }
        return this;
    }

    /** Throws a {@link ValidationException} naming every error, if there is any. */
    void orThrow() {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error" : errors.size() + " validation errors";
        throw new ValidationException(count + " detected: " + String.join("; ", errors));
    }

    private void fail(String field, Object value, String constraint) {
        errors.add("Value '" + value + "' at '" + field + "' failed to satisfy constraint: " + constraint);
    }
}
