package dev.loupe.engine.appearance;

import java.util.Objects;
import java.util.Optional;

/**
 * Adds an image's appearance distance to the network's score:
 * {@code fused = networkWeight * (network - networkCentre) + appearanceWeight * (distance - appearanceCentre)}.
 *
 * <p>The weights are a linear discriminant with a diagonal covariance: each term weighs
 * {@code (anomalous mean - normal mean) / pooled variance}, so a term that separates normal from
 * anomalous images cleanly counts for much, a noisy one for little. The network's statistics come
 * from the validation images (on its training images it is overconfident). The appearance's come
 * from the validation images and from the training images scored by Gaussians that did not see
 * them: its weight then rests on tens of images instead of the handful a small validation set
 * holds, which on cookie kept a lucky validation split from handing the appearance 3.5 times the
 * network's weight (docs/benchmarks.md). The centres are the normal images' means, so a typical
 * normal image's fused score is near zero. A heat-map cell moves by the same formula, the
 * appearance term raising or lowering the whole map: it says the image as a whole looks off, not
 * where.
 *
 * @param appearance       the appearance Gaussian
 * @param networkCentre    the network's mean raw score on normal validation images
 * @param networkWeight    its weight, positive
 * @param appearanceCentre the mean appearance distance of normal images
 * @param appearanceWeight its weight, positive
 */
public record ScoreFusion(AppearanceModel appearance, double networkCentre, double networkWeight,
                          double appearanceCentre, double appearanceWeight) {
    public ScoreFusion {
        Objects.requireNonNull(appearance, "appearance");
        if (!Double.isFinite(networkCentre) || !Double.isFinite(appearanceCentre)
                || !(networkWeight > 0) || !Double.isFinite(networkWeight)
                || !(appearanceWeight > 0) || !Double.isFinite(appearanceWeight)) {
            throw new IllegalArgumentException("bad score fusion: network " + networkCentre + " x " + networkWeight
                    + ", appearance " + appearanceCentre + " x " + appearanceWeight);
        }
    }

    /**
     * Fits the discriminant. The network's scores are the validation images'; the distances may be
     * of more images than those (any scored by an appearance Gaussian that did not see them).
     * Empty (keep the network's score alone) when the scores cannot support it: fewer than three
     * in a term, no anomalous or no normal ones, no spread, or a term whose anomalous images do
     * not score higher on average.
     */
    public static Optional<ScoreFusion> fit(AppearanceModel appearance, double[] normalNetwork, double[] anomalousNetwork,
                                            double[] normalDistance, double[] anomalousDistance) {
        double networkWeight = discriminantWeight(normalNetwork, anomalousNetwork);
        double appearanceWeight = discriminantWeight(normalDistance, anomalousDistance);
        if (!(networkWeight > 0) || !(appearanceWeight > 0) || !Double.isFinite(networkWeight)
                || !Double.isFinite(appearanceWeight)) {
            return Optional.empty();
        }
        return Optional.of(new ScoreFusion(appearance, mean(normalNetwork), networkWeight, mean(normalDistance),
                appearanceWeight));
    }

    /** The appearance's share of the fused score of an image with this description, the same for all its cells. */
    public double appearanceTerm(double[] description) {
        return appearanceWeight * (appearance.distance(description) - appearanceCentre);
    }

    /**
     * A raw network score (an image's, or one heat-map cell's) on the fused scale, given the
     * image's {@link #appearanceTerm}.
     */
    public double fuse(double network, double appearanceTerm) {
        return networkWeight * (network - networkCentre) + appearanceTerm;
    }

    /** {@code (anomalous mean - normal mean) / pooled variance}, or NaN when there is too little to say. */
    private static double discriminantWeight(double[] normal, double[] anomalous) {
        if (normal.length < 1 || anomalous.length < 1 || normal.length + anomalous.length < 3) {
            return Double.NaN;
        }
        double mn = mean(normal);
        double ma = mean(anomalous);
        double squares = 0;
        for (double v : normal) {
            squares += (v - mn) * (v - mn);
        }
        for (double v : anomalous) {
            squares += (v - ma) * (v - ma);
        }
        double pooled = squares / (normal.length + anomalous.length - 2);
        return pooled > 0 ? (ma - mn) / pooled : Double.NaN;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
