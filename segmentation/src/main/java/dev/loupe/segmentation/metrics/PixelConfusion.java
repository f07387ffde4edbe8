package dev.loupe.segmentation.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The test pixels counted by true class (row) and predicted class (column), background first:
 * where the per-class figures say a class is missed, this says what it was taken for. On the
 * synthetic washers at seed 3, more of the scratch pixels were called "crack" (97) than found
 * (64); no per-class precision or recall shows that.
 *
 * <pre>{@code
 * PixelConfusion c = metrics.pixelConfusion();
 * long scratchCalledCrack = c.count("scratch", "crack");
 * }</pre>
 *
 * @param classes "background", then the anomaly classes in the model's order
 * @param counts  {@code counts[t][p]}: pixels of true class {@code t} predicted as {@code p}; square, one
 *                row and column per entry of {@code classes}
 */
public record PixelConfusion(List<String> classes, long[][] counts) {
    public static final String BACKGROUND = "background";

    public PixelConfusion {
        classes = List.copyOf(classes);
        Objects.requireNonNull(counts, "counts");
        if (counts.length != classes.size()) {
            throw new IllegalArgumentException(counts.length + " rows for " + classes.size() + " classes");
        }
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != classes.size()) {
                throw new IllegalArgumentException("row " + t + " has " + counts[t].length + " columns, expected "
                        + classes.size());
            }
        }
        counts = copy(counts);
    }

    /** A copy: the record stays immutable. */
    @Override
    public long[][] counts() {
        return copy(counts);
    }

    private static long[][] copy(long[][] counts) {
        long[][] out = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            out[t] = counts[t].clone();
        }
        return out;
    }

    /**
     * The pixels of class {@code truth} predicted as {@code predicted}.
     *
     * @throws IllegalArgumentException when either name is not one of {@link #classes()}
     */
    public long count(String truth, String predicted) {
        return counts[index(truth)][index(predicted)];
    }

    /**
     * What the pixels of class {@code truth} were most often predicted as, other than itself
     * (background included), and their share of the class's pixels; empty when the class has no
     * pixels or every one was found.
     *
     * @throws IllegalArgumentException when {@code truth} is not one of {@link #classes()}
     */
    public Optional<Mistake> mostCommonMistake(String truth) {
        int t = index(truth);
        long total = Arrays.stream(counts[t]).sum();
        int worst = -1;
        for (int p = 0; p < counts[t].length; p++) {
            if (p != t && counts[t][p] > 0 && (worst < 0 || counts[t][p] > counts[t][worst])) {
                worst = p;
            }
        }
        return worst < 0 ? Optional.empty() : Optional.of(new Mistake(classes.get(worst), counts[t][worst] / (double) total));
    }

    /**
     * A class that another class's pixels were predicted as.
     *
     * @param predicted the class predicted instead
     * @param share     the share of the true class's pixels predicted as it, 0..1
     */
    public record Mistake(String predicted, double share) {
    }

    /** Each row as a list, for JSON: rows by true class, columns by predicted class. */
    public List<List<Long>> rows() {
        List<List<Long>> out = new ArrayList<>(counts.length);
        for (long[] row : counts) {
            out.add(Arrays.stream(row).boxed().toList());
        }
        return out;
    }

    private int index(String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no class '" + name + "' in " + classes);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelConfusion c && classes.equals(c.classes)
                && Arrays.deepEquals(counts, c.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "PixelConfusion" + classes + Arrays.deepToString(counts);
    }
}
