package dev.loupe.segmentation.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.model.Detection;
import dev.loupe.segmentation.model.SegmentationResult;
import java.util.Base64;
import java.util.List;

/**
 * One answer of an {@link EdgeDetector}, shaped as the service's {@code DetectAnomalyResult}.
 * A classification model leaves {@code anomalies} empty and {@code anomalyMask} null.
 *
 * @param isAnomalous the decision at the model's threshold
 * @param confidence  the confidence in that decision
 * @param anomalies   for segmentation models: {@code background} first, then each class found
 * @param anomalyMask for segmentation models: the RGB PNG mask; null otherwise
 */
public record EdgeResult(boolean isAnomalous, double confidence, List<Anomaly> anomalies, byte[] anomalyMask) {
    public EdgeResult {
        anomalies = List.copyOf(anomalies);
        anomalyMask = anomalyMask == null ? null : anomalyMask.clone();
    }

    /** A classification model's answer in the service's shape (no anomalies, no mask). */
    public static EdgeResult of(Detection d) {
        return new EdgeResult(d.isAnomalous(), d.confidence(), List.of(), null);
    }

    /** A segmentation model's answer in the service's shape, with its mask encoded as PNG. */
    public static EdgeResult of(SegmentationResult r) {
        List<Anomaly> anomalies = r.anomalies().stream()
                .map(a -> new Anomaly(a.name(), a.totalPercentageArea(), a.color().toString())).toList();
        return new EdgeResult(r.isAnomalous(), r.confidence(), anomalies, r.maskPng());
    }

    /**
     * One anomaly class found.
     *
     * @param name                the class name ({@code background} for the rest)
     * @param totalPercentageArea its share of the image, 0..1
     * @param color               its colour, {@code #RRGGBB} upper case
     */
    public record Anomaly(String name, double totalPercentageArea, String color) {
    }

    @Override
    public byte[] anomalyMask() {
        return anomalyMask == null ? null : anomalyMask.clone();
    }

    /** The service's JSON: {@code {"DetectAnomalyResult":{"Source":{"Type":"direct"},...}}}. */
    public String toJson() {
        return toJsonNode().toString();
    }

    /** {@link #toJson()} as a tree, for callers that add members beside the result. */
    public ObjectNode toJsonNode() {
        ObjectNode root = EdgePackage.JSON.createObjectNode();
        ObjectNode r = root.putObject("DetectAnomalyResult");
        r.putObject("Source").put("Type", "direct");
        r.put("IsAnomalous", isAnomalous);
        r.put("Confidence", (float) confidence);
        if (!anomalies.isEmpty()) {
            var list = r.putArray("Anomalies");
            for (Anomaly a : anomalies) {
                ObjectNode o = list.addObject();
                o.put("Name", a.name());
                o.putObject("PixelAnomaly").put("TotalPercentageArea", (float) a.totalPercentageArea())
                        .put("Color", a.color());
            }
        }
        if (anomalyMask != null) {
            r.put("AnomalyMask", Base64.getEncoder().encodeToString(anomalyMask));
        }
        return root;
    }
}
