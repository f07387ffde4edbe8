package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * CreateDataset's answer: the new dataset, usually still {@code CREATE_IN_PROGRESS}.
 *
 * @param datasetMetadata the new dataset
 */
public record CreateDatasetResponse(DatasetMetadata datasetMetadata) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().datasetMetadata(datasetMetadata);
    }

    /** Builds a {@link CreateDatasetResponse}; not thread-safe. */
    public static final class Builder {
        private DatasetMetadata datasetMetadata;

        private Builder() {
        }

        public Builder datasetMetadata(DatasetMetadata datasetMetadata) {
            this.datasetMetadata = datasetMetadata;
            return this;
        }

        public Builder datasetMetadata(Consumer<DatasetMetadata.Builder> datasetMetadata) {
            DatasetMetadata.Builder b = DatasetMetadata.builder();
            datasetMetadata.accept(b);
            return datasetMetadata(b.build());
        }

        public CreateDatasetResponse build() {
            return new CreateDatasetResponse(datasetMetadata);
        }
    }
}
