package dev.loupe.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an evaluation report shows. Immutable: the maps are copied in their order (the report
 * lists them as given), the lists copied.
 *
 * @param title the page title
 * @param modelType {@code "classification"} or {@code "segmentation"}
 * @param figures label to formatted value, e.g. {@code "Image AUROC" -> "0.9812"}; a null, blank or
 *     NaN value is shown as "n/a"
 * @param threshold the score at and above which an image is called anomalous, normally 0.5
 * @param images the test images
 * @param classes per-class segmentation metrics; empty for none
 * @param provenance label to value: model, data, versions, times
 */
public record Report(String title, String modelType, Map<String, String> figures, double threshold,
                     List<ReportImage> images, List<ClassRow> classes, Map<String, String> provenance) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(modelType, "modelType");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        figures = ordered(figures);
        images = images == null ? List.of() : List.copyOf(images);
        classes = classes == null ? List.of() : List.copyOf(classes);
        provenance = ordered(provenance);
    }

    /** A read-only copy keeping the caller's order (Map.copyOf would lose it); null values stay. */
    private static Map<String, String> ordered(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "a label is null"), v));
        return Collections.unmodifiableMap(copy);
    }
}
