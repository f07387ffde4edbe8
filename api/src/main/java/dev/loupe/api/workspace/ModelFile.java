package dev.loupe.api.workspace;

import dev.loupe.api.model.ModelPerformance;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.OutputConfig;
import dev.loupe.api.model.OutputS3Object;
import dev.loupe.api.model.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model version's descriptor, {@code projects/<name>/models/<version>/model.json}; the trained
 * network is {@code model.loupe} beside it.
 *
 * @param modelVersion           {@code "1"}, {@code "2"}, ...
 * @param modelArn               {@code arn:aws:lookoutvision:{region}:{account}:model/{project}/{version}}
 * @param modelType              {@code classification} or {@code segmentation}, once known
 * @param creationTimestamp      when CreateModel was called
 * @param lastUpdatedTimestamp   when the status last changed
 * @param description            the caller's description, or null
 * @param status                 the lifecycle status
 * @param statusMessage          the message that goes with it
 * @param performance            F1, recall and precision on the test images, once trained
 * @param outputConfig           where the evaluation files go
 * @param evaluationManifest     the evaluation manifest written there, once trained
 * @param evaluationResult       the evaluation result written there, once trained
 * @param evaluationEndTimestamp when evaluation finished
 * @param kmsKeyId               the caller's key id, recorded
 * @param minInferenceUnits      the hosting request's minimum, while hosted
 * @param maxInferenceUnits      the hosting request's maximum, while hosted
 * @param tags                   the model's tags
 */
public record ModelFile(String modelVersion, String modelArn, String modelType, Instant creationTimestamp,
                        Instant lastUpdatedTimestamp, String description, ModelStatus status, String statusMessage,
                        ModelPerformance performance, OutputConfig outputConfig, OutputS3Object evaluationManifest,
                        OutputS3Object evaluationResult, Instant evaluationEndTimestamp, String kmsKeyId,
                        Integer minInferenceUnits, Integer maxInferenceUnits, List<Tag> tags) {
    public ModelFile {
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(modelArn, "modelArn");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public ModelFile withStatus(ModelStatus newStatus, String message, Instant now) {
        return new ModelFile(modelVersion, modelArn, modelType, creationTimestamp, now, description, newStatus, message,
                performance, outputConfig, evaluationManifest, evaluationResult, evaluationEndTimestamp, kmsKeyId,
                minInferenceUnits, maxInferenceUnits, tags);
    }

    public ModelFile withTags(List<Tag> newTags) {
        return new ModelFile(modelVersion, modelArn, modelType, creationTimestamp, lastUpdatedTimestamp, description,
                status, statusMessage, performance, outputConfig, evaluationManifest, evaluationResult,
                evaluationEndTimestamp, kmsKeyId, minInferenceUnits, maxInferenceUnits, newTags);
    }

    public ModelFile withInferenceUnits(Integer min, Integer max) {
        return new ModelFile(modelVersion, modelArn, modelType, creationTimestamp, lastUpdatedTimestamp, description,
                status, statusMessage, performance, outputConfig, evaluationManifest, evaluationResult,
                evaluationEndTimestamp, kmsKeyId, min, max, tags);
    }

    /** The trained model's figures and evaluation files. */
    public ModelFile withEvaluation(String type, ModelPerformance newPerformance, OutputS3Object manifest,
                                    OutputS3Object result, Instant end) {
        return new ModelFile(modelVersion, modelArn, type, creationTimestamp, lastUpdatedTimestamp, description,
                status, statusMessage, newPerformance, outputConfig, manifest, result, end, kmsKeyId,
                minInferenceUnits, maxInferenceUnits, tags);
    }
}
