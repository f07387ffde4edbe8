package dev.loupe.api.model;

/**
 * An S3 object that CreateDataset reads, such as a ground truth manifest. Judged where it is used:
 * the enclosing request checks it.
 *
 * @param bucket    the bucket (3..63, {@code [0-9A-Za-z\.\-_]*})
 * @param key       the object's key (1..1024, {@code ^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$})
 * @param versionId the object's version (optional, 1..1024)
 */
public record InputS3Object(String bucket, String key, String versionId) {

    /** Adds this object's constraints to {@code c}, its fields named {@code prefix + ".bucket"} etc. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".bucket", bucket)
                .string(prefix + ".bucket", bucket, 3, 63, Constraints.BUCKET)
                .required(prefix + ".key", key)
                .string(prefix + ".key", key, 1, 1024, Constraints.OBJECT_KEY)
                .string(prefix + ".versionId", versionId, 1, 1024, Constraints.OBJECT_VERSION);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().bucket(bucket).key(key).versionId(versionId);
    }

    /** Builds a {@link InputS3Object}; not thread-safe. */
    public static final class Builder {
        private String bucket;
        private String key;
        private String versionId;

        private Builder() {
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder versionId(String versionId) {
            this.versionId = versionId;
            return this;
        }

        public InputS3Object build() {
            return new InputS3Object(bucket, key, versionId);
        }
    }
}
