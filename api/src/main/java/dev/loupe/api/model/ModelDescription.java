package dev.loupe.api.model;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A model as DescribeModel describes it.
 *
 * @param modelVersion           its version: {@code 1}, {@code 2}, ... in the order of creation
 * @param modelArn               {@code arn:aws:lookoutvision:{region}:{account}:model/{project}/{version}}
 * @param creationTimestamp      when it was created
 * @param description            its description, if it was given one
 * @param status                 where it is in its lifecycle
 * @param statusMessage          the status in words
 * @param performance            its performance on the test dataset, once trained
 * @param outputConfig           where its training output goes
 * @param evaluationManifest     the manifest of the test images that evaluated it
 * @param evaluationResult       the evaluation's results
 * @param evaluationEndTimestamp when the evaluation ended
 * @param kmsKeyId               the KMS key that encrypts its training output; {@code null} for an AWS
 *                               owned key
 * @param minInferenceUnits      the fewest inference units it runs on while hosted
 * @param maxInferenceUnits      the most inference units it may scale to while hosted
 */
public record ModelDescription(String modelVersion, String modelArn, Instant creationTimestamp,
        String description, ModelStatus status, String statusMessage, ModelPerformance performance,
        OutputConfig outputConfig, OutputS3Object evaluationManifest, OutputS3Object evaluationResult,
        Instant evaluationEndTimestamp, String kmsKeyId, Integer minInferenceUnits,
        Integer maxInferenceUnits) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelVersion(modelVersion).modelArn(modelArn)
                .creationTimestamp(creationTimestamp).description(description).status(status)
                .statusMessage(statusMessage).performance(performance).outputConfig(outputConfig)
                .evaluationManifest(evaluationManifest).evaluationResult(evaluationResult)
                .evaluationEndTimestamp(evaluationEndTimestamp).kmsKeyId(kmsKeyId)
                .minInferenceUnits(minInferenceUnits).maxInferenceUnits(maxInferenceUnits);
    }

    /** Builds a {@link ModelDescription}; not thread-safe. */
    public static final class Builder {
        private String modelVersion;
        private String modelArn;
        private Instant creationTimestamp;
        private String description;
        private ModelStatus status;
        private String statusMessage;
        private ModelPerformance performance;
        private OutputConfig outputConfig;
        private OutputS3Object evaluationManifest;
        private OutputS3Object evaluationResult;
        private Instant evaluationEndTimestamp;
        private String kmsKeyId;
        private Integer minInferenceUnits;
        private Integer maxInferenceUnits;

        private Builder() {
        }

        public Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder modelArn(String modelArn) {
            this.modelArn = modelArn;
            return this;
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
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

        public Builder outputConfig(OutputConfig outputConfig) {
            this.outputConfig = outputConfig;
            return this;
        }

        public Builder outputConfig(Consumer<OutputConfig.Builder> outputConfig) {
            OutputConfig.Builder b = OutputConfig.builder();
            outputConfig.accept(b);
            return outputConfig(b.build());
        }

        public Builder evaluationManifest(OutputS3Object evaluationManifest) {
            this.evaluationManifest = evaluationManifest;
            return this;
        }

        public Builder evaluationManifest(Consumer<OutputS3Object.Builder> evaluationManifest) {
            OutputS3Object.Builder b = OutputS3Object.builder();
            evaluationManifest.accept(b);
            return evaluationManifest(b.build());
        }

        public Builder evaluationResult(OutputS3Object evaluationResult) {
            this.evaluationResult = evaluationResult;
            return this;
        }

        public Builder evaluationResult(Consumer<OutputS3Object.Builder> evaluationResult) {
            OutputS3Object.Builder b = OutputS3Object.builder();
            evaluationResult.accept(b);
            return evaluationResult(b.build());
        }

        public Builder evaluationEndTimestamp(Instant evaluationEndTimestamp) {
            this.evaluationEndTimestamp = evaluationEndTimestamp;
            return this;
        }

        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        public Builder minInferenceUnits(Integer minInferenceUnits) {
            this.minInferenceUnits = minInferenceUnits;
            return this;
        }

        public Builder maxInferenceUnits(Integer maxInferenceUnits) {
            this.maxInferenceUnits = maxInferenceUnits;
            return this;
        }

        public ModelDescription build() {
            return new ModelDescription(modelVersion, modelArn, creationTimestamp, description, status,
                    statusMessage, performance, outputConfig, evaluationManifest, evaluationResult,
                    evaluationEndTimestamp, kmsKeyId, minInferenceUnits, maxInferenceUnits);
        }
    }
}
