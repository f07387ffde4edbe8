package dev.loupe.api.model;

/**
 * An S3 object that training wrote, such as a model's evaluation manifest or results, as
 * DescribeModel reports it.
 *
 * @param bucket the bucket (3..63, {@code [0-9A-Za-z\.\-_]*})
 * @param key    the object's key (1..1024, {@code ^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$})
 */
public record OutputS3Object(String bucket, String key) {

    /** Adds this object's constraints to {@code c}, its fields named {@code prefix + ".bucket"} etc. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".bucket", bucket)
                .string(prefix + ".bucket", bucket, 3, 63, Constraints.BUCKET)
                .required(prefix + ".key", key)
                .string(prefix + ".key", key, 1, 1024, Constraints.OBJECT_KEY);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().bucket(bucket).key(key);
    }

    /** Builds a {@link OutputS3Object}; not thread-safe. */
    public static final class Builder {
        private String bucket;
        private String key;

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

        public OutputS3Object build() {
            return new OutputS3Object(bucket, key);
        }
    }
}
