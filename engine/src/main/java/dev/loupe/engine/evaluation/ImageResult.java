package dev.loupe.engine.evaluation;

import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.LabeledImage;

/**
 * One test image and what the model said about it.
 *
 * @param image     the test image and its ground truth
 * @param detection the model's answer
 */
public record ImageResult(LabeledImage image, Detection detection) {
    /** Anomalous ground truth but called normal, or the reverse. */
    public boolean mistaken() {
        return image.anomalous() != detection.isAnomalous();
    }
}
