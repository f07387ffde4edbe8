package dev.loupe.segmentation.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The segmentation metrics of one anomaly class over a test set, as
 * {@link SegmentationMetrics#perClass()} gives them.
 *
 * <pre>{@code
 * List<ObjectNode> entries = metrics.perClass().stream().map(PixelClassMetrics::toJson).toList();
 * // entries go to the evaluation result's PixelAnomalyClassMetrics
 * }</pre>
 *
 * @param className       the anomaly class
 * @param precision       pixel precision, 0..1
 * @param recall          pixel recall, 0..1
 * @param f1              the harmonic mean of precision and recall, 0..1
 * @param aiou            the mean IoU over the test images whose truth contains the class, 0..1
 * @param imagesWithClass how many test images contain the class in their truth
 * @param imagesFound     how many of those have at least one pixel of the class predicted
 */
public record PixelClassMetrics(String className, double precision, double recall, double f1, double aiou,
                                int imagesWithClass, int imagesFound) {
    public PixelClassMetrics {
        Objects.requireNonNull(className, "className");
        if (imagesWithClass < 0 || imagesFound < 0 || imagesFound > imagesWithClass) {
            throw new IllegalArgumentException("need 0 <= imagesFound <= imagesWithClass, got " + imagesFound
                    + " of " + imagesWithClass);
        }
    }

    /**
     * The evaluation result's entry:
     * {@code {"Precision":..,"Recall":..,"F1Score":..,"AIOU":..,"ClassName":".."}}, keys in that
     * order. The image counts are not part of it; the service showed them only in its console.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Precision", precision);
        o.put("Recall", recall);
        o.put("F1Score", f1);
        o.put("AIOU", aiou);
        o.put("ClassName", className);
        return o;
    }
}
