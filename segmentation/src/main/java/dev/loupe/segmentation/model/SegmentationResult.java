package dev.loupe.segmentation.model;

import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.mask.MaskImages;
import java.util.List;

/**
 * The answer of a segmentation model for one image, in the service's terms plus our extras.
 *
 * @param isAnomalous  the image-level decision at the model's threshold
 * @param confidence   the confidence in that decision (as the service meant it)
 * @param score        the normalised image score, 0..1, 0.5 at the threshold
 * @param rawScore     the image score before normalisation
 * @param width        the image's width
 * @param height       the image's height
 * @param anomalies    {@code background} first, then each class found, with its share of the
 *                     image and its colour; classes with no pixel are left out
 * @param classMap     the predicted class of every pixel (row by row, 0 = background), read via
 *                     {@link #classMap()}, which copies
 * @param anomalyMap   each pixel's probability of being anomalous, read via {@link #anomalyMap()}
 * @param colors       the colour of each class index 1..n, for the mask PNG
 */
public record SegmentationResult(boolean isAnomalous, double confidence, double score, double rawScore, int width,
                                 int height, List<ClassArea> anomalies, byte[] classMap, float[] anomalyMap,
                                 List<HexColor> colors) {
    public SegmentationResult {
        anomalies = List.copyOf(anomalies);
        colors = List.copyOf(colors);
    }

    /**
     * One class's share of the image.
     *
     * @param name                the class name ({@code background} for the rest)
     * @param totalPercentageArea the fraction of the image, 0..1 (the service's name, not a percentage)
     * @param color               {@code #RRGGBB}, upper case; {@code #FFFFFF} for background
     */
    public record ClassArea(String name, double totalPercentageArea, HexColor color) {
    }

    @Override
    public byte[] classMap() {
        return classMap.clone();
    }

    @Override
    public float[] anomalyMap() {
        return anomalyMap.clone();
    }

    /** The service's AnomalyMask: an RGB PNG of the image's size, white where no anomaly. */
    public byte[] maskPng() {
        return MaskImages.toPng(classMap, width, height, colors);
    }
}
