package dev.loupe.cli.report;

import java.util.Objects;

/**
 * One row of the per-class segmentation metrics.
 *
 * @param className the defect class
 * @param color its mask colour, like {@code "#FF0000"}; anything that is not a hex colour is shown
 *     as text instead of a swatch, so that it never reaches a style attribute
 * @param precision pixel precision
 * @param recall pixel recall
 * @param f1 pixel F1
 * @param aiou the average intersection over union
 */
public record ClassRow(String className, String color, double precision, double recall, double f1, double aiou) {
    public ClassRow {
        Objects.requireNonNull(className, "className");
        color = color == null ? "" : color;
    }
}
