/**
 * Segmentation metrics, per anomaly class, as the service reports them in an evaluation result's
 * {@code PixelAnomalyClassMetrics}: pixel precision, recall and F1, the average intersection over
 * union (AIOU) over the test images that contain the class, and how many of those images the
 * model found the class in; plus a threshold-free pixel ROC AUC.
 *
 * <p>{@link dev.loupe.segmentation.metrics.SegmentationMetrics} accumulates test images one at a
 * time, so a whole test set never has to be held in memory; its memory does not grow with the
 * number of pixels. The definitions are written on that class; tests check every figure against
 * a naive reference implementation.
 */
package dev.loupe.segmentation.metrics;
