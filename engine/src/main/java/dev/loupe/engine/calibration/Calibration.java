package dev.loupe.engine.calibration;

import dev.loupe.engine.metrics.Confusion;
import java.util.Arrays;

/**
 * A decision threshold on raw scores and the normalisation that maps it to 0.5:
 * {@code normalised = 1 / (1 + exp(-(raw - threshold) / scale))}.
 *
 * <p>{@link #fit} chooses the threshold:
 * <ul>
 *   <li>with anomalous validation images: the one that maximises F1, placed midway between the
 *       two scores it separates (of equally good thresholds, the middle one);</li>
 *   <li>with normal validation images only: {@code median + 3 * 1.4826 * MAD} of their scores (a
 *       robust "three standard deviations"), but never below the highest normal score, so every
 *       validation image stays normal.</li>
 * </ul>
 * The scale is the robust spread of the normal scores (1.4826 * MAD, or their range when that is
 * zero), so a score one spread above the threshold reads 0.73 and two read 0.88; but at least a
 * third of the distance from the normal median to the threshold, so that the typical normal
 * image reads about 0.05. A model whose normal scores huddle near zero (a segmentation model's
 * top-pixel probabilities do) would otherwise map every score to exactly 0 or 1, and Confidence
 * would say 1.000 for a verdict at the threshold as for a clear one.
 *
 * @param threshold the raw score at which an image becomes anomalous
 * @param scale     the raw-score distance that moves the normalised score by one logit
 * @param rule      how the threshold was chosen, for the model's provenance
 */
public record Calibration(double threshold, double scale, String rule) {
    public static final String MAX_F1 = "max-f1";
    public static final String NORMAL_TAIL = "normal-median-plus-3-robust-sd";

    public Calibration {
        if (!Double.isFinite(threshold) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("bad calibration: threshold " + threshold + ", scale " + scale);
        }
    }

    /** Fits a calibration on validation scores; {@code anomalyScores} may be empty. */
    public static Calibration fit(double[] normalScores, double[] anomalyScores) {
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one normal validation image");
        }
        double[] normal = normalScores.clone();
        Arrays.sort(normal);
        double median = quantile(normal, 0.5);
        double[] deviations = Arrays.stream(normal).map(v -> Math.abs(v - median)).sorted().toArray();
        double spread = 1.4826 * quantile(deviations, 0.5);
        if (!(spread > 0)) {
            spread = normal[normal.length - 1] - normal[0];
        }
        if (!(spread > 0)) {
            spread = Math.max(1e-6, Math.abs(median) * 1e-3);
        }
        if (anomalyScores.length == 0) {
            double t = Math.max(median + 3 * spread, normal[normal.length - 1] + 1e-9 * Math.max(1, Math.abs(median)));
            return new Calibration(t, Math.max(spread, (t - median) / 3), NORMAL_TAIL);
        }
        double t = maxF1Threshold(normal, anomalyScores);
        return new Calibration(t, Math.max(spread, (t - median) / 3), MAX_F1);
    }

    private static double maxF1Threshold(double[] normal, double[] anomalies) {
        double[] all = new double[normal.length + anomalies.length];
        boolean[] anomalous = new boolean[all.length];
        System.arraycopy(normal, 0, all, 0, normal.length);
        System.arraycopy(anomalies, 0, all, normal.length, anomalies.length);
        Arrays.fill(anomalous, normal.length, all.length, true);
        double[] sorted = Arrays.stream(all).distinct().sorted().toArray();
        // Candidates: below everything, and midway between neighbours.
        double[] candidates = new double[sorted.length];
        candidates[0] = sorted[0] - 1e-9 * Math.max(1, Math.abs(sorted[0]));
        for (int i = 1; i < sorted.length; i++) {
            candidates[i] = (sorted[i - 1] + sorted[i]) / 2;
        }
        double best = -1;
        int first = 0;
        int last = 0;
        for (int i = 0; i < candidates.length; i++) {
            double f1 = Confusion.at(all, anomalous, candidates[i]).f1();
            if (f1 > best + 1e-12) {
                best = f1;
                first = i;
                last = i;
            } else if (Math.abs(f1 - best) <= 1e-12 && last == i - 1) {
                last = i;
            }
        }
        return candidates[(first + last) / 2];
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** The score on the 0..1 scale, 0.5 at the threshold. */
    public double normalise(double raw) {
        double z = (raw - threshold) / scale;
        return 1 / (1 + Math.exp(-z));
    }

    public boolean isAnomalous(double raw) {
        return raw >= threshold;
    }

    /** The same normalisation around another threshold (a caller's override). */
    public Calibration withThreshold(double newThreshold) {
        return new Calibration(newThreshold, scale, "override");
    }
}
