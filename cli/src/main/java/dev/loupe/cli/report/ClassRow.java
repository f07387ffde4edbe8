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
 * @param missedAs what the class's pixels were most often predicted as instead, like
 *     {@code "crack (38 %)"}; empty when unknown (the service's evaluation result has no confusion)
 */
public record ClassRow(String className, String color, double precision, double recall, double f1, double aiou,
                       String missedAs) {
    public ClassRow {
        Objects.requireNonNull(className, "className");
        color = color == null ? "" : color;
        missedAs = missedAs == null ? "" : missedAs;
    }

    /** A row without the confusion. */
    public ClassRow(String className, String color, double precision, double recall, double f1, double aiou) {
        this(className, color, precision, recall, f1, aiou, "");
    }
}
