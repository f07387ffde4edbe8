package dev.loupe.segmentation.model;

import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.segmentation.mask.MaskImages;
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

    /**
     * Its class mask at {@code width x height} (nearest, for a mask drawn at another size than its
     * image), all background without one: the truth that calibration and evaluation compare
     * detection's answer with, at the size detection answers in.
     */
    public byte[] maskAt(int width, int height) {
        return mask.map(m -> m.width() == width && m.height() == height ? m.toBytes()
                : MaskImages.resizeNearest(m.toBytes(), m.width(), m.height(), width, height))
                .orElseGet(() -> new byte[width * height]);
    }
}
