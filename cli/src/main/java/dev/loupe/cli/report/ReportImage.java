package dev.loupe.cli.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One test image in the report.
 *
 * @param name the image's name or reference, shown as text
 * @param anomalous the ground truth
 * @param calledAnomalous the model's verdict
 * @param score the model's normalised anomaly score, 0..1 with the verdict threshold at
 *     {@link Report#threshold()}; a non-finite score is shown but left out of the charts
 * @param overlay a PNG or JPEG of the image with its heat map or predicted mask painted on, or
 *     null for no picture
 * @param classesFound the defect classes the model found in the image (segmentation), else empty
 */
public record ReportImage(String name, boolean anomalous, boolean calledAnomalous, double score, byte[] overlay,
                          List<String> classesFound) {
    public ReportImage {
        Objects.requireNonNull(name, "name");
        // Copies, so that a caller reusing its buffer cannot change a report already built.
        overlay = overlay == null ? null : overlay.clone();
        classesFound = classesFound == null ? List.of() : List.copyOf(classesFound);
    }

    /** A copy of the picture's bytes, or null; the record itself stays immutable. */
    @Override
    public byte[] overlay() {
        return overlay == null ? null : overlay.clone();
    }

    /** Whether the verdict disagrees with the truth. */
    public boolean mistaken() {
        return anomalous != calledAnomalous;
    }

    /** Equality by content: the generated one would compare the picture arrays by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReportImage r && name.equals(r.name) && anomalous == r.anomalous
                && calledAnomalous == r.calledAnomalous && Double.compare(score, r.score) == 0
                && Arrays.equals(overlay, r.overlay) && classesFound.equals(r.classesFound);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, anomalous, calledAnomalous, score, Arrays.hashCode(overlay), classesFound);
    }

    @Override
    public String toString() {
        return "ReportImage[name=" + name + ", anomalous=" + anomalous + ", calledAnomalous=" + calledAnomalous
                + ", score=" + score + ", overlay=" + (overlay == null ? "none" : overlay.length + " bytes")
                + ", classesFound=" + classesFound + "]";
    }
}
