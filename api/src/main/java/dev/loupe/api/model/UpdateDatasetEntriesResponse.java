package dev.loupe.api.model;

/**
 * UpdateDatasetEntries' answer: the dataset's status, usually {@code UPDATE_IN_PROGRESS}.
 *
 * @param status where the dataset is in its lifecycle
 */
public record UpdateDatasetEntriesResponse(DatasetStatus status) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().status(status);
    }

    /** Builds a {@link UpdateDatasetEntriesResponse}; not thread-safe. */
    public static final class Builder {
        private DatasetStatus status;

        private Builder() {
        }

        public Builder status(DatasetStatus status) {
            this.status = status;
            return this;
        }

        /** Sets the status by its wire value; an unknown one is {@link DatasetStatus#UNKNOWN_TO_SDK_VERSION}. */
        public Builder status(String status) {
            return status(DatasetStatus.fromValue(status));
        }

        public UpdateDatasetEntriesResponse build() {
            return new UpdateDatasetEntriesResponse(status);
        }
    }
}
