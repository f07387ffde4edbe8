package dev.loupe.manifest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a manifest: where it is, its label, and for segmentation lines its mask.
 *
 * <p>The line's original JSON is kept verbatim in {@link #json()}, so that fields this type does
 * not model (job names, dates, tool-specific keys) survive a read and a write unchanged.
 *
 * @param line           the 1-based line number it was read from (0 for an entry built in code)
 * @param sourceRef      the image reference ({@code s3://bucket/key}, a relative path or a
 *                       {@code file:} URI)
 * @param label          normal, anomaly or unlabeled, from {@code class-name}
 * @param labelAttribute the classification attribute's key, {@code anomaly-label} by convention
 * @param className      the {@code class-name} as written
 * @param mask           the mask annotation of a segmentation line
 * @param json           the line's JSON text
 */
public record ManifestEntry(
        long line,
        String sourceRef,
        Label label,
        String labelAttribute,
        String className,
        Optional<MaskAnnotation> mask,
        String json) implements ManifestLine {

    /** The conventional classification attribute. */
    public static final String LABEL_ATTRIBUTE = "anomaly-label";
    /** The conventional mask attribute. */
    public static final String MASK_ATTRIBUTE = "anomaly-mask-ref";

    public ManifestEntry {
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(labelAttribute, "labelAttribute");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(json, "json");
    }

    /** A classification line, in the form Ground Truth writes, for an image labelled in code. */
    public static ManifestEntry of(String sourceRef, Label label) {
        return of(sourceRef, label, null);
    }

    /**
     * A line for an image labelled in code; with a mask it is a segmentation line.
     *
     * @param mask the mask annotation, or null for a classification line
     */
    public static ManifestEntry of(String sourceRef, Label label, MaskAnnotation mask) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("source-ref", sourceRef);
        root.put(LABEL_ATTRIBUTE, label.labelValue());
        ObjectNode meta = root.putObject(LABEL_ATTRIBUTE + "-metadata");
        meta.put("confidence", 1);
        meta.put("job-name", "labeling-job/loupe");
        meta.put("class-name", label.className());
        meta.put("human-annotated", "yes");
        meta.put("type", ManifestLineParser.CLASSIFICATION_TYPE);
        if (mask != null) {
            root.put(mask.attribute(), mask.ref());
            ObjectNode maskMeta = root.putObject(mask.attribute() + "-metadata");
            ObjectNode map = maskMeta.putObject("internal-color-map");
            for (Map.Entry<Integer, MaskAnnotation.MapEntry> e : mask.colorMap().entrySet()) {
                ObjectNode c = map.putObject(Integer.toString(e.getKey()));
                c.put("class-name", e.getValue().className());
                c.put("hex-color", e.getValue().color().toString());
                if (e.getValue().confidence() != null) {
                    c.put("confidence", e.getValue().confidence());
                }
            }
            maskMeta.put("type", ManifestLineParser.SEGMENTATION_TYPE);
            maskMeta.put("human-annotated", "yes");
            maskMeta.put("job-name", "labeling-job/loupe");
        }
        return new ManifestEntry(0, sourceRef, label, LABEL_ATTRIBUTE, label.className(),
                Optional.ofNullable(mask), root.toString());
    }

    /** True for a segmentation line (one that has a mask). */
    public boolean hasMask() {
        return mask.isPresent();
    }

    /** The same entry as if read from line {@code n}. */
    public ManifestEntry atLine(long n) {
        return new ManifestEntry(n, sourceRef, label, labelAttribute, className, mask, json);
    }
}
