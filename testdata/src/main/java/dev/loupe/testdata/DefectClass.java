package dev.loupe.testdata;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;

/**
 * The defects the generator paints. Names are alphanumeric, as the service's AnomalyName requires;
 * colours are the ones Ground Truth's default palette gives the first labels.
 */
public enum DefectClass {
    /** A thin bright or dark curved line. */
    SCRATCH("scratch", 0x2CA02C),
    /** A dent or hole: a dark pit with a lit rim. */
    HOLE("hole", 0x1F77B4),
    /** A dark jagged branching line. */
    CRACK("crack", 0xD62728),
    /** A soft irregular discolouration. */
    STAIN("stain", 0xFF7F0E),
    /** A component absent from its pads (printed boards only). */
    MISSING("missing", 0x9467BD);

    private final String className;
    private final HexColor color;

    DefectClass(String className, int rgb) {
        this.className = className;
        this.color = new HexColor(rgb);
    }

    public String className() {
        return className;
    }

    public HexColor color() {
        return color;
    }

    public AnomalyClass anomalyClass() {
        return new AnomalyClass(className, color);
    }
}
