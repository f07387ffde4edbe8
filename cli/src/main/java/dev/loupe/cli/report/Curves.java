package dev.loupe.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The points of the ROC and precision-recall curves, one per distinct score: images with equal
 * scores cannot be told apart by any threshold, so they enter the curve together as one step (a
 * diagonal one on the ROC curve when normal and anomalous images tie). The areas come from
 * {@link dev.loupe.engine.metrics.Ranking}, which follows the same convention.
 */
final class Curves {
    private Curves() {
    }

    /** A point of a curve. */
    record Point(double x, double y) {
    }

    /**
     * The ROC curve as (false positive rate, true positive rate), from (0, 0) through one point per
     * distinct score, taken from the highest down, to (1, 1). Empty unless both classes are present,
     * since a rate without a denominator means nothing.
     */
    static List<Point> roc(double[] scores, boolean[] anomalous) {
        long positives = count(anomalous);
        long negatives = anomalous.length - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        for (long[] step : steps(scores, anomalous)) {
            points.add(new Point(step[1] / (double) negatives, step[0] / (double) positives));
        }
        return List.copyOf(points);
    }

    /**
     * The precision-recall curve as (recall, precision), one point per distinct score from the
     * highest down. Precision at recall r holds from the previous point's recall up to r, which is
     * how average precision sums it; the chart draws it as such steps. Empty without anomalies.
     */
    static List<Point> precisionRecall(double[] scores, boolean[] anomalous) {
        long positives = count(anomalous);
        if (positives == 0) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        for (long[] step : steps(scores, anomalous)) {
            points.add(new Point(step[0] / (double) positives, step[0] / (double) (step[0] + step[1])));
        }
        return List.copyOf(points);
    }

    /**
     * Counts of images per bin on 0..1 ({@code bins} equal bins, the last one closed); scores
     * outside 0..1 go to the end bins so that no image goes missing from the picture.
     */
    static int[] histogram(double[] scores, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        int[] counts = new int[bins];
        for (double s : scores) {
            int bin = (int) Math.floor(s * bins);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return counts;
    }

    /** Cumulative (true positives, false positives) after each group of equal scores, highest first. */
    private static List<long[]> steps(double[] scores, boolean[] anomalous) {
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + anomalous.length + " truths");
        }
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> scores[k]).reversed());
        List<long[]> steps = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < order.length) {
            // The group always takes image i, so that a NaN (equal to nothing) still moves on.
            int j = i;
            do {
                if (anomalous[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            } while (j < order.length && scores[order[j]] == scores[order[i]]);
            steps.add(new long[] {tp, fp});
            i = j;
        }
        return steps;
    }

    private static long count(boolean[] flags) {
        long n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
