package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * DetectAnomalies' answer: what the model found in the image.
 *
 * @param detectAnomalyResult what the model found
 */
public record DetectAnomaliesResponse(DetectAnomalyResult detectAnomalyResult) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().detectAnomalyResult(detectAnomalyResult);
    }

    /** Builds a {@link DetectAnomaliesResponse}; not thread-safe. */
    public static final class Builder {
        private DetectAnomalyResult detectAnomalyResult;

        private Builder() {
        }

        public Builder detectAnomalyResult(DetectAnomalyResult detectAnomalyResult) {
            this.detectAnomalyResult = detectAnomalyResult;
            return this;
        }

        public Builder detectAnomalyResult(Consumer<DetectAnomalyResult.Builder> detectAnomalyResult) {
            DetectAnomalyResult.Builder b = DetectAnomalyResult.builder();
            detectAnomalyResult.accept(b);
            return detectAnomalyResult(b.build());
        }

        public DetectAnomaliesResponse build() {
            return new DetectAnomaliesResponse(detectAnomalyResult);
        }
    }
}
