package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * Where CreateModel writes a model's training output. Judged where it is used: the enclosing
 * request checks it.
 *
 * @param s3Location the bucket and key prefix
 */
public record OutputConfig(S3Location s3Location) {

    /** Adds the configuration's constraints to {@code c}, under {@code prefix + ".s3Location"}. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".s3Location", s3Location);
        if (s3Location != null) {
            s3Location.validate(c, prefix + ".s3Location");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().s3Location(s3Location);
    }

    /** Builds a {@link OutputConfig}; not thread-safe. */
    public static final class Builder {
        private S3Location s3Location;

        private Builder() {
        }

        public Builder s3Location(S3Location s3Location) {
            this.s3Location = s3Location;
            return this;
        }

        public Builder s3Location(Consumer<S3Location.Builder> s3Location) {
            S3Location.Builder b = S3Location.builder();
            s3Location.accept(b);
            return s3Location(b.build());
        }

        public OutputConfig build() {
            return new OutputConfig(s3Location);
        }
    }
}
