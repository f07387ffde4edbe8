package dev.loupe.api.model;

import java.time.Instant;

/**
 * A dataset as CreateDataset and DescribeProject describe it.
 *
 * @param datasetType       {@code train} or {@code test}
 * @param creationTimestamp when it was created
 * @param status            where it is in its lifecycle
 * @param statusMessage     the status in words
 */
public record DatasetMetadata(String datasetType, Instant creationTimestamp, DatasetStatus status,
        String statusMessage) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().datasetType(datasetType).creationTimestamp(creationTimestamp)
                .status(status).statusMessage(statusMessage);
    }

    /** Builds a {@link DatasetMetadata}; not thread-safe. */
    public static final class Builder {
        private String datasetType;
        private Instant creationTimestamp;
        private DatasetStatus status;
        private String statusMessage;

        private Builder() {
        }

        public Builder datasetType(String datasetType) {
            this.datasetType = datasetType;
            return this;
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        public Builder status(DatasetStatus status) {
            this.status = status;
            return this;
        }

        /** Sets the status by its wire value; an unknown one is {@link DatasetStatus#UNKNOWN_TO_SDK_VERSION}. */
        public Builder status(String status) {
            return status(DatasetStatus.fromValue(status));
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public DatasetMetadata build() {
            return new DatasetMetadata(datasetType, creationTimestamp, status, statusMessage);
        }
    }
}
