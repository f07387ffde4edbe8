package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * What CreateDataset fills a new dataset from; without one the dataset starts empty. Judged where
 * it is used: the enclosing request checks it.
 *
 * @param groundTruthManifest a manifest of labeled images
 */
public record DatasetSource(DatasetGroundTruthManifest groundTruthManifest) {

    /** Adds the source's constraints to {@code c}, under {@code prefix + ".groundTruthManifest"}. */
    void validate(Constraints c, String prefix) {
        if (groundTruthManifest != null) {
            groundTruthManifest.validate(c, prefix + ".groundTruthManifest");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().groundTruthManifest(groundTruthManifest);
    }

    /** Builds a {@link DatasetSource}; not thread-safe. */
    public static final class Builder {
        private DatasetGroundTruthManifest groundTruthManifest;

        private Builder() {
        }

        public Builder groundTruthManifest(DatasetGroundTruthManifest groundTruthManifest) {
            this.groundTruthManifest = groundTruthManifest;
            return this;
        }

        public Builder groundTruthManifest(Consumer<DatasetGroundTruthManifest.Builder> groundTruthManifest) {
            DatasetGroundTruthManifest.Builder b = DatasetGroundTruthManifest.builder();
            groundTruthManifest.accept(b);
            return groundTruthManifest(b.build());
        }

        public DatasetSource build() {
            return new DatasetSource(groundTruthManifest);
        }
    }
}
