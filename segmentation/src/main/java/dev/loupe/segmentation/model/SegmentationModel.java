package dev.loupe.segmentation.model;

import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a segmentation detector needs, immutable and free of native memory.
 *
 * @param classes       the anomaly classes, in the order of the network's outputs 1..n, with the
 *                      colours of the training manifest
 * @param weights       the network
 * @param normalization input standardisation
 * @param calibration   the image-level threshold and score normalisation, on the image score
 *                      (the mean anomaly probability of the most anomalous pixels)
 * @param pixelThresholds per anomaly class, the anomaly probability above which a pixel whose
 *                      most probable anomaly class it is takes that class: fitted on the validation
 *                      masks for the class's maximum pixel F1 (thin classes peak lower than blobs),
 *                      or the threshold of maximum F1 of all anomalous pixels for a class the
 *                      validation masks do not show (0.5 without any anomalous validation mask)
 * @param regions       the second opinion on each anomalous region's class, or
 *                      {@link RegionClassifier#NONE}
 * @param provenance    how it was made
 * @param metrics       figures from its evaluation, empty before one
 */
public record SegmentationModel(List<AnomalyClass> classes, SegmentationWeights weights, Normalization normalization,
                                Calibration calibration, double[] pixelThresholds, RegionClassifier regions,
                                Provenance provenance, Map<String, Double> metrics) {
    public static final String SEGMENTATION = "segmentation";

    public SegmentationModel {
        classes = List.copyOf(classes);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(provenance, "provenance");
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        pixelThresholds = pixelThresholds.clone();
        for (double t : pixelThresholds) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("pixel thresholds must be within (0, 1), got "
                        + Arrays.toString(pixelThresholds));
            }
        }
        if (classes.size() != weights.architecture().classes() || pixelThresholds.length != classes.size()) {
            throw new IllegalArgumentException(classes.size() + " classes and " + pixelThresholds.length
                    + " pixel thresholds for a network of " + weights.architecture().classes());
        }
        if (regions.active() && regions.classes() != classes.size()) {
            throw new IllegalArgumentException("a region classifier of " + regions.classes() + " classes for "
                    + classes.size());
        }
    }

    @Override
    public double[] pixelThresholds() {
        return pixelThresholds.clone();
    }

    public int inputSize() {
        return weights.architecture().inputSize();
    }

    public SegmentationModel withMetrics(Map<String, Double> newMetrics) {
        return new SegmentationModel(classes, weights, normalization, calibration, pixelThresholds, regions,
                provenance, newMetrics);
    }

    public SegmentationModel withRegions(RegionClassifier newRegions) {
        return new SegmentationModel(classes, weights, normalization, calibration, pixelThresholds, newRegions,
                provenance, metrics);
    }
}
