package dev.loupe.engine.model;

/**
 * The answer for one image, in the service's terms plus our own extras.
 *
 * @param isAnomalous the decision at the model's threshold
 * @param confidence  the confidence in that decision, as the service meant it: for an anomalous
 *                    verdict the normalised score, for a normal one one minus it
 * @param score       the normalised anomaly score, 0..1, 0.5 at the threshold
 * @param rawScore    the score before normalisation
 * @param heatMap     where the image looks anomalous
 */
public record Detection(boolean isAnomalous, double confidence, double score, double rawScore, HeatMap heatMap) {
}
