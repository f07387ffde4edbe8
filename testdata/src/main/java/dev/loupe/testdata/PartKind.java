package dev.loupe.testdata;

import java.util.List;
import java.util.Locale;

/** The kinds of part the generator renders, each with the defects that occur on it. */
public enum PartKind {
    /** A woven fabric texture: defects anywhere, the pattern fills the frame. */
    FABRIC(List.of(DefectClass.SCRATCH, DefectClass.HOLE, DefectClass.CRACK, DefectClass.STAIN)),
    /** A machined round part (a washer) on a dark conveyor: an object on a background. */
    WASHER(List.of(DefectClass.SCRATCH, DefectClass.HOLE, DefectClass.CRACK, DefectClass.STAIN)),
    /** A printed circuit board: traces, pads and components in a fixed layout. */
    BOARD(List.of(DefectClass.SCRATCH, DefectClass.CRACK, DefectClass.STAIN, DefectClass.MISSING));

    private final List<DefectClass> defects;

    PartKind(List<DefectClass> defects) {
        this.defects = defects;
    }

    public List<DefectClass> defects() {
        return defects;
    }

    /** The lower-case name used in folder names and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PartKind fromId(String id) {
        for (PartKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown part kind \"" + id + "\"; expected one of fabric, washer, board");
    }
}
