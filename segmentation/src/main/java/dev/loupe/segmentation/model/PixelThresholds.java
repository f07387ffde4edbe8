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
    // Per class c (index c - 1) and bin, the pixels whose most probable anomaly class is c: of class
    // c itself, of any anomaly class, and of background. What the other counts need (the pixels of
    // another class or of background, those of any class against background) follows from these.
    private final long[][] right;
    private final long[][] anomalous;
    private final long[][] background;
    /** Per class, its pixels, including those whose most probable class is another. */
    private final long[] truth;

    PixelThresholds(int classes) {
        this.classes = classes;
        right = new long[classes][BINS];
        anomalous = new long[classes][BINS];
        background = new long[classes][BINS];
        truth = new long[classes];
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
            int c = best[k] - 1;
            if (t == 0) {
                background[c][bin]++;
            } else {
                anomalous[c][bin]++;
                truth[t - 1]++;
                if (t - 1 == c) {
                    right[c][bin]++;
                }
            }
        }
    }

    /** The thresholds by class 1..n (index 0 for class 1) where the network's class stands. */
    double[] networkClasses() {
        double anyClass = anyClass();
        double[] t = new double[classes];
        for (int c = 0; c < classes; c++) {
            long[] wrong = new long[BINS];
            for (int b = 0; b < BINS; b++) {
                wrong[b] = anomalous[c][b] - right[c][b] + background[c][b];
            }
            t[c] = truth[c] == 0 ? anyClass : pixelThreshold(right[c], wrong, truth[c]);
        }
        return t;
    }

    /** The thresholds by class 1..n where a region classifier settles the class: anomalous or not. */
    double[] regionClasses() {
        double anyClass = anyClass();
        double[] t = new double[classes];
        for (int c = 0; c < classes; c++) {
            long found = Arrays.stream(anomalous[c]).sum();
            t[c] = found == 0 ? anyClass : pixelThreshold(anomalous[c], background[c], found);
        }
        return t;
    }

    /** The threshold of all anomalous pixels against background, for a class with no pixel to judge by. */
    private double anyClass() {
        long[] allAnomalous = new long[BINS];
        long[] allBackground = new long[BINS];
        for (int c = 0; c < classes; c++) {
            for (int b = 0; b < BINS; b++) {
                allAnomalous[b] += anomalous[c][b];
                allBackground[b] += background[c][b];
            }
        }
        return pixelThreshold(allAnomalous, allBackground, Arrays.stream(truth).sum());
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
