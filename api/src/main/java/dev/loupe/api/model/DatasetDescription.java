package dev.loupe.api.model;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A dataset as DescribeDataset describes it, with counts of its images.
 *
 * @param projectName          the project it belongs to
 * @param datasetType          {@code train} or {@code test}
 * @param creationTimestamp    when it was created
 * @param lastUpdatedTimestamp when it last changed
 * @param status               where it is in its lifecycle
 * @param statusMessage        the status in words
 * @param imageStats           counts of its images
 */
public record DatasetDescription(String projectName, String datasetType, Instant creationTimestamp,
        Instant lastUpdatedTimestamp, DatasetStatus status, String statusMessage,
        DatasetImageStats imageStats) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType)
                .creationTimestamp(creationTimestamp).lastUpdatedTimestamp(lastUpdatedTimestamp)
                .status(status).statusMessage(statusMessage).imageStats(imageStats);
    }

    /** Builds a {@link DatasetDescription}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;
        private Instant creationTimestamp;
        private Instant lastUpdatedTimestamp;
        private DatasetStatus status;
        private String statusMessage;
        private DatasetImageStats imageStats;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder datasetType(String datasetType) {
            this.datasetType = datasetType;
            return this;
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        public Builder lastUpdatedTimestamp(Instant lastUpdatedTimestamp) {
            this.lastUpdatedTimestamp = lastUpdatedTimestamp;
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

        public Builder imageStats(DatasetImageStats imageStats) {
            this.imageStats = imageStats;
            return this;
        }

        public Builder imageStats(Consumer<DatasetImageStats.Builder> imageStats) {
            DatasetImageStats.Builder b = DatasetImageStats.builder();
            imageStats.accept(b);
            return imageStats(b.build());
        }

        public DatasetDescription build() {
            return new DatasetDescription(projectName, datasetType, creationTimestamp,
                    lastUpdatedTimestamp, status, statusMessage, imageStats);
        }
    }
}
