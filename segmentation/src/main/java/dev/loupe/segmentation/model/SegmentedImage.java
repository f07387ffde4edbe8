package dev.loupe.segmentation.model;

import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.model.LabeledImage;
import java.util.Objects;
import java.util.Optional;

/**
 * A training or test image with its ground-truth class mask. Normal images have none (all
 * background); an anomalous image without one counts for image-level figures only.
 *
 * @param image the decoded, labelled image
 * @param mask  its class mask at the image's size, when it has one
 */
public record SegmentedImage(LabeledImage image, Optional<ClassMask> mask) {
    public SegmentedImage {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
    }

    /** Whether its pixels can be trained and scored on: normal images, and anomalies with masks. */
    public boolean hasPixelTruth() {
        return !image.anomalous() || mask.isPresent();
    }
}
