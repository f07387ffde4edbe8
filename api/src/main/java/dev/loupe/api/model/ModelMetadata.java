package dev.loupe.api.model;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A model as CreateModel and ListModels describe it.
 *
 * @param creationTimestamp when it was created
 * @param modelVersion      its version: {@code 1}, {@code 2}, ... in the order of creation
 * @param modelArn          {@code arn:aws:lookoutvision:{region}:{account}:model/{project}/{version}}
 * @param description       its description, if it was given one
 * @param status            where it is in its lifecycle
 * @param statusMessage     the status in words
 * @param performance       its performance on the test dataset, once trained
 */
public record ModelMetadata(Instant creationTimestamp, String modelVersion, String modelArn,
        String description, ModelStatus status, String statusMessage, ModelPerformance performance) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().creationTimestamp(creationTimestamp).modelVersion(modelVersion)
                .modelArn(modelArn).description(description).status(status).statusMessage(statusMessage)
                .performance(performance);
    }

    /** Builds a {@link ModelMetadata}; not thread-safe. */
    public static final class Builder {
        private Instant creationTimestamp;
        private String modelVersion;
        private String modelArn;
        private String description;
        private ModelStatus status;
        private String statusMessage;
        private ModelPerformance performance;

        private Builder() {
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        public Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder modelArn(String modelArn) {
            this.modelArn = modelArn;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder status(ModelStatus status) {
            this.status = status;
            return this;
        }

        /** Sets the status by its wire value; an unknown one is {@link ModelStatus#UNKNOWN_TO_SDK_VERSION}. */
        public Builder status(String status) {
            return status(ModelStatus.fromValue(status));
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder performance(ModelPerformance performance) {
            this.performance = performance;
            return this;
        }

        public Builder performance(Consumer<ModelPerformance.Builder> performance) {
            ModelPerformance.Builder b = ModelPerformance.builder();
            performance.accept(b);
            return performance(b.build());
        }

        public ModelMetadata build() {
            return new ModelMetadata(creationTimestamp, modelVersion, modelArn, description, status,
                    statusMessage, performance);
        }
    }
}
