/**
 * Segmentation models: the trainer (images with per-pixel class masks in, an immutable
 * {@link dev.loupe.segmentation.model.SegmentationModel} out), and the detector that answers
 * images with a decision, a confidence, per-class areas and a class map at the image's own size.
 * Training and inference never meet; the detector is not thread-safe (one per thread).
 */
package dev.loupe.segmentation.model;
