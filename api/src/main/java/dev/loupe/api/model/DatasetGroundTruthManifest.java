package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * Where CreateDataset finds a SageMaker Ground Truth manifest. Judged where it is used: the
 * enclosing request checks it.
 *
 * @param s3Object the manifest's S3 object
 */
public record DatasetGroundTruthManifest(InputS3Object s3Object) {

    /** Adds the manifest's constraints to {@code c}, under {@code prefix + ".s3Object"}. */
    void validate(Constraints c, String prefix) {
        if (s3Object != null) {
            s3Object.validate(c, prefix + ".s3Object");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().s3Object(s3Object);
    }

    /** Builds a {@link DatasetGroundTruthManifest}; not thread-safe. */
    public static final class Builder {
        private InputS3Object s3Object;

        private Builder() {
        }

        public Builder s3Object(InputS3Object s3Object) {
            this.s3Object = s3Object;
            return this;
        }

        public Builder s3Object(Consumer<InputS3Object.Builder> s3Object) {
            InputS3Object.Builder b = InputS3Object.builder();
            s3Object.accept(b);
            return s3Object(b.build());
        }

        public DatasetGroundTruthManifest build() {
            return new DatasetGroundTruthManifest(s3Object);
        }
    }
}
