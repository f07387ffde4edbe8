package dev.loupe.api.model;

/**
 * Where CreateModel writes a model's training output, or a model packaging job its component:
 * a bucket and a key prefix. Judged where it is used: the enclosing request checks it.
 *
 * @param bucket the bucket (3..63, {@code [0-9A-Za-z\.\-_]*})
 * @param prefix the key prefix (optional, 0..1024,
 *               {@code ^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$})
 */
public record S3Location(String bucket, String prefix) {

    /** Adds this location's constraints to {@code c}, its fields named {@code prefix + ".bucket"} etc. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".bucket", bucket)
                .string(prefix + ".bucket", bucket, 3, 63, Constraints.BUCKET)
                .string(prefix + ".prefix", this.prefix, 0, 1024, Constraints.S3_PREFIX);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().bucket(bucket).prefix(prefix);
    }

    /** Builds a {@link S3Location}; not thread-safe. */
    public static final class Builder {
        private String bucket;
        private String prefix;

        private Builder() {
        }

        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public S3Location build() {
            return new S3Location(bucket, prefix);
        }
    }
}
