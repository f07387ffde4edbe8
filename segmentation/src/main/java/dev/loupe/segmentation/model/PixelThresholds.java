package dev.loupe.segmentation.model;

import java.util.Arrays;

/**
 * Counts the validation images' pixels by anomaly probability and fits each anomaly class's pixel
 * threshold from them, at maximum pixel F1.
 *
 * <p>Two sets of thresholds come out of the same counts. Where the network's class stands, a pixel
 * of class k counts as found only if the network calls it k, so its threshold is also a bet on the
 * class ({@link #networkClasses()}). Where a {@link RegionClassifier} settles the class, the
 * threshold has only to say anomalous or not ({@link #regionClasses()}): judged on the class as
 * well, it kept out defects the classifier would have named right (the generated fabric's cracks,
 * docs/benchmarks.md).
 *
 * <p>Mutable while counting; not thread-safe.
 */
final class PixelThresholds {
    /**
     * The search covers anomaly probabilities of log-odds -12..12 in steps of 0.1. In log-odds,
     * not in probability: the class weights make the network confident, and on cookie the best
     * threshold was 0.98, in the last of the bins of 0.01 this replaced.
     */
    private static final double LOG_ODDS_RANGE = 12;
    private static final double LOG_ODDS_STEP = 0.1;
    static final int BINS = (int) Math.round(2 * LOG_ODDS_RANGE / LOG_ODDS_STEP);

    private final int classes;
    // Per bin: [0] all anomalous pixels against background; [k] the pixels whose most probable
    // anomaly class is k, of class k or not (right/wrong), and anomalous or not (anomalous/background).
    private final long[][] right;
    private final long[][] wrong;
    private final long[][] anomalous;
    private final long[][] background;
    /** The pixels of class k, [0] of any class, including those whose most probable class is another. */
    private final long[] truth;

    PixelThresholds(int classes) {
        this.classes = classes;
        right = new long[classes + 1][BINS];
        wrong = new long[classes + 1][BINS];
        anomalous = new long[classes + 1][BINS];
        background = new long[classes + 1][BINS];
        truth = new long[classes + 1];
    }

    /**
     * Counts one image at its own size, as detection answers and evaluation judges.
     *
     * @param classMask each pixel's true class, 0 for background
     * @param anomaly   each pixel's anomaly probability
     * @param best      each pixel's most probable anomaly class, 1..n
     */
    void add(byte[] classMask, float[] anomaly, byte[] best) {
        for (int k = 0; k < classMask.length; k++) {
            int bin = bin(anomaly[k]);
            int t = classMask[k];
            int c = best[k];
            (t != 0 ? right[0] : wrong[0])[bin]++;
            (t == c ? right[c] : wrong[c])[bin]++;
            (t != 0 ? anomalous[c] : background[c])[bin]++;
            if (t != 0) {
                truth[0]++;
                truth[t]++;
            }
        }
    }

    /** The thresholds by class 1..n (index 0 for class 1) where the network's class stands. */
    double[] networkClasses() {
        double anyClass = anyClass();
        double[] t = new double[classes];
        for (int c = 1; c <= classes; c++) {
            t[c - 1] = truth[c] == 0 ? anyClass : pixelThreshold(right[c], wrong[c], truth[c]);
        }
        return t;
    }

    /** The thresholds by class 1..n where a region classifier settles the class: anomalous or not. */
    double[] regionClasses() {
        double anyClass = anyClass();
        double[] t = new double[classes];
        for (int c = 1; c <= classes; c++) {
            long found = Arrays.stream(anomalous[c]).sum();
            t[c - 1] = found == 0 ? anyClass : pixelThreshold(anomalous[c], background[c], found);
        }
        return t;
    }

    /** The threshold of all anomalous pixels against background, for a class with no pixel to judge by. */
    private double anyClass() {
        return pixelThreshold(right[0], wrong[0], truth[0]);
    }

    /** The search bin of an anomaly probability (0 and 1, and rounding past them, land in the first and the last). */
    static int bin(float anomaly) {
        double a = Math.max(0, Math.min(1, anomaly));
        double logOdds = Math.log(a) - Math.log1p(-a);
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor((logOdds + LOG_ODDS_RANGE) / LOG_ODDS_STEP)));
    }

    /** The anomaly probability at the lower edge of a search bin. */
    static double threshold(int bin) {
        return 1 / (1 + Math.exp(LOG_ODDS_RANGE - bin * LOG_ODDS_STEP));
    }

    /**
     * The anomaly probability that maximises the F1 of the pixels counted on the validation
     * images: the class weights of training push probabilities up on purpose (recall), and this
     * pulls the decision back to where precision and recall balance. 0.5 when there is no
     * positive pixel.
     *
     * @param positives     per probability bin, the pixels a call there gets right
     * @param negatives     per probability bin, the pixels a call there gets wrong
     * @param totalPositive the pixels that should be called, including those no bin holds (of a
     *                      class that is never the most probable there)
     */
    static double pixelThreshold(long[] positives, long[] negatives, long totalPositive) {
        if (totalPositive == 0) {
            return 0.5;
        }
        double best = -1;
        int bestBin = BINS / 2;
        long tp = 0;
        long fp = 0;
        // Walking down from the top: pixels in bins >= b are called anomalous.
        for (int b = BINS - 1; b >= 1; b--) {
            tp += positives[b];
            fp += negatives[b];
            double f1 = 2.0 * tp / (2.0 * tp + fp + (totalPositive - tp));
            if (f1 > best) {
                best = f1;
                bestBin = b;
            }
        }
        return threshold(bestBin);
    }
}
