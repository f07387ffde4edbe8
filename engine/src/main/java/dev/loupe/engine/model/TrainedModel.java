package dev.loupe.engine.model;

import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.network.Tensor;
import dev.loupe.engine.preprocess.Normalization;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Everything a detector needs, immutable and free of native memory: weights, input normalisation,
 * scoring mode (with the patch memory of the label-free mode), the appearance term fused with the
 * network's score, calibration and provenance.
 * Safe to share between threads; {@link Detector#open} makes the native copies.
 *
 * @param modelType     {@code classification} (segmentation models extend this in their module)
 * @param weights       the network
 * @param normalization input standardisation
 * @param mode          how scores are computed
 * @param memory        normal patch features {@code [patches, channels]} (label-free mode only)
 * @param fusion        the appearance distance added to the network's score, when validation
 *                      supported it (supervised mode only); the calibration is on the fused score
 * @param calibration   threshold and score normalisation
 * @param provenance    how it was made
 * @param metrics       figures from its evaluation (F1, ROC AUC, ...), empty before one
 */
public record TrainedModel(String modelType, NetworkWeights weights, Normalization normalization, ScoringMode mode,
                           Optional<Tensor> memory, Optional<ScoreFusion> fusion, Calibration calibration, Provenance provenance,
                           Map<String, Double> metrics) {
    public static final String CLASSIFICATION = "classification";

    public TrainedModel {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(fusion, "fusion");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(provenance, "provenance");
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (mode == ScoringMode.PATCH_MEMORY && memory.isEmpty()) {
            throw new IllegalArgumentException("the patch-memory mode needs a memory bank");
        }
    }

    /** The same model deciding at another raw-score threshold (a caller's override). */
    public TrainedModel withThreshold(double threshold) {
        return new TrainedModel(modelType, weights, normalization, mode, memory, fusion, calibration.withThreshold(threshold),
                provenance, metrics);
    }

    /** The same model carrying the figures of its evaluation. */
    public TrainedModel withMetrics(Map<String, Double> newMetrics) {
        return new TrainedModel(modelType, weights, normalization, mode, memory, fusion, calibration, provenance, newMetrics);
    }

    public int inputSize() {
        return weights.architecture().inputSize();
    }
}
