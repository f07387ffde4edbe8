package dev.loupe.engine.metrics;

/**
 * A confusion matrix with anomaly as the positive class.
 *
 * @param tp anomalies called anomalous
 * @param fp normal images called anomalous
 * @param tn normal images called normal
 * @param fn anomalies called normal
 */
public record Confusion(long tp, long fp, long tn, long fn) {
    public Confusion {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The confusion of thresholding {@code scores} at {@code threshold} (score >= threshold is anomalous). */
    public static Confusion at(double[] scores, boolean[] anomalous, double threshold) {
        boolean[] called = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            called[i] = scores[i] >= threshold;
        }
        return of(anomalous, called);
    }

    /** The confusion of verdicts {@code called} against the truth {@code anomalous}. */
    public static Confusion of(boolean[] anomalous, boolean[] called) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < anomalous.length; i++) {
            if (anomalous[i]) {
                if (called[i]) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called[i]) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** TP / (TP + FP); 0 when nothing was called anomalous. */
    public double precision() {
        return tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    }

    /** TP / (TP + FN); 0 when there are no anomalies. */
    public double recall() {
        return tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public long total() {
        return tp + fp + tn + fn;
    }
}
