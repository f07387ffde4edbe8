package dev.loupe.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The segmentation part of a manifest line: where the mask PNG is and what its colours mean.
 *
 * @param attribute the mask attribute's key (free-form, ends in {@code -ref})
 * @param ref       the mask image reference
 * @param colorMap  the {@code internal-color-map}: index to class; the BACKGROUND entry, when
 *                  present, is kept here but is not an anomaly class
 */
public record MaskAnnotation(String attribute, String ref, SortedMap<Integer, MapEntry> colorMap) {

    /** The name the manifests give the background entry (compared case-insensitively). */
    public static final String BACKGROUND = "BACKGROUND";

    /**
     * One entry of the colour map.
     *
     * @param className  the class name, or {@code BACKGROUND}
     * @param color      the colour
     * @param confidence the unused confidence, when the line gave one
     */
    public record MapEntry(String className, HexColor color, Double confidence) {
        public MapEntry {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(color, "color");
        }

        public boolean isBackground() {
            return BACKGROUND.equalsIgnoreCase(className);
        }
    }

    public MaskAnnotation {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(ref, "ref");
        if (!attribute.endsWith("-ref") || attribute.equals("source-ref")) {
            throw new IllegalArgumentException("a mask attribute must end in -ref and not be source-ref: " + attribute);
        }
        colorMap = Collections.unmodifiableSortedMap(new TreeMap<>(colorMap));
    }

    /** A mask annotation whose colour map lists {@code classes} under indexes 1.., after BACKGROUND at 0. */
    public static MaskAnnotation of(String attribute, String ref, List<AnomalyClass> classes) {
        SortedMap<Integer, MapEntry> map = new TreeMap<>();
        map.put(0, new MapEntry(BACKGROUND, HexColor.WHITE, null));
        for (int i = 0; i < classes.size(); i++) {
            map.put(i + 1, new MapEntry(classes.get(i).name(), classes.get(i).color(), null));
        }
        return new MaskAnnotation(attribute, ref, map);
    }

    /** The anomaly classes of the map, in index order, BACKGROUND left out. */
    public List<AnomalyClass> anomalyClasses() {
        Map<String, AnomalyClass> out = new LinkedHashMap<>();
        for (MapEntry e : colorMap.values()) {
            if (!e.isBackground()) {
                out.putIfAbsent(e.className(), new AnomalyClass(e.className(), e.color()));
            }
        }
        return List.copyOf(out.values());
    }
}
