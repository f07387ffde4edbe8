package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * What DetectAnomalies found in one image.
 *
 * @param source      where the image came from
 * @param isAnomalous whether the image has an anomaly
 * @param confidence  how sure the model is of {@code isAnomalous}, 0..1
 * @param anomalies   the kinds of anomaly found, including {@code background}; never {@code null}
 * @param anomalyMask a PNG the size of the image, each anomaly in its colour; {@code null} from a
 *                    classification model
 */
public record DetectAnomalyResult(ImageSource source, Boolean isAnomalous, Float confidence,
        List<Anomaly> anomalies, SdkBytes anomalyMask) {

    public DetectAnomalyResult {
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().source(source).isAnomalous(isAnomalous).confidence(confidence)
                .anomalies(anomalies).anomalyMask(anomalyMask);
    }

    /** Builds a {@link DetectAnomalyResult}; not thread-safe. */
    public static final class Builder {
        private ImageSource source;
        private Boolean isAnomalous;
        private Float confidence;
        private List<Anomaly> anomalies;
        private SdkBytes anomalyMask;

        private Builder() {
        }

        public Builder source(ImageSource source) {
            this.source = source;
            return this;
        }

        public Builder source(Consumer<ImageSource.Builder> source) {
            ImageSource.Builder b = ImageSource.builder();
            source.accept(b);
            return source(b.build());
        }

        public Builder isAnomalous(Boolean isAnomalous) {
            this.isAnomalous = isAnomalous;
            return this;
        }

        public Builder confidence(Float confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder anomalies(Collection<Anomaly> anomalies) {
            this.anomalies = anomalies == null ? null : List.copyOf(anomalies);
            return this;
        }

        public Builder anomalies(Anomaly... anomalies) {
            return anomalies(anomalies == null ? null : Arrays.asList(anomalies));
        }

        public Builder anomalyMask(SdkBytes anomalyMask) {
            this.anomalyMask = anomalyMask;
            return this;
        }

        public DetectAnomalyResult build() {
            return new DetectAnomalyResult(source, isAnomalous, confidence, anomalies, anomalyMask);
        }
    }
}
