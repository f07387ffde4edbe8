/**
 * Training and detection, split as Tribuo splits them: a {@link dev.loupe.engine.model.Trainer}
 * turns labelled images and a {@link dev.loupe.engine.model.ModelConfig} into an immutable
 * {@link dev.loupe.engine.model.TrainedModel} (weights, normalisation, calibration, provenance);
 * a {@link dev.loupe.engine.model.Detector} opened from it answers images with a
 * {@link dev.loupe.engine.model.Detection}. A detector is for one thread; a
 * {@link dev.loupe.engine.model.DetectorPool} serves many.
 *
 * <p>Two scoring modes, chosen by the training data: with labelled anomalies the network is
 * trained on them (heavy augmentation, class-balanced loss) and scores by a smooth maximum of its
 * cell logits; with normal images only, the seeded untrained network's (or a supplied backbone's)
 * patch features are compared with a memory bank of normal patches (nearest-neighbour distance),
 * which needs no labels at all.
 */
package dev.loupe.engine.model;
