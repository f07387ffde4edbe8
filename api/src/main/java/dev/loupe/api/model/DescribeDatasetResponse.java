package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * DescribeDataset's answer: the dataset.
 *
 * @param datasetDescription the dataset
 */
public record DescribeDatasetResponse(DatasetDescription datasetDescription) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().datasetDescription(datasetDescription);
    }

    /** Builds a {@link DescribeDatasetResponse}; not thread-safe. */
    public static final class Builder {
        private DatasetDescription datasetDescription;

        private Builder() {
        }

        public Builder datasetDescription(DatasetDescription datasetDescription) {
            this.datasetDescription = datasetDescription;
            return this;
        }

        public Builder datasetDescription(Consumer<DatasetDescription.Builder> datasetDescription) {
            DatasetDescription.Builder b = DatasetDescription.builder();
            datasetDescription.accept(b);
            return datasetDescription(b.build());
        }

        public DescribeDatasetResponse build() {
            return new DescribeDatasetResponse(datasetDescription);
        }
    }
}
