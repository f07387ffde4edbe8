package dev.loupe.api.model;

/**
 * StartModel's answer: the hosting's status, usually {@code STARTING_HOSTING}.
 *
 * @param status where the model's hosting is
 */
public record StartModelResponse(ModelHostingStatus status) {

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

    /** Builds a {@link StartModelResponse}; not thread-safe. */
    public static final class Builder {
        private ModelHostingStatus status;

        private Builder() {
        }

        public Builder status(ModelHostingStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the status by its wire value; an unknown one is
         * {@link ModelHostingStatus#UNKNOWN_TO_SDK_VERSION}.
         */
        public Builder status(String status) {
            return status(ModelHostingStatus.fromValue(status));
        }

        public StartModelResponse build() {
            return new StartModelResponse(status);
        }
    }
}
