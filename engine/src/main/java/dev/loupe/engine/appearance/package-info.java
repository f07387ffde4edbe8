/**
 * The image's global appearance, as a second opinion beside the network: histograms of colour,
 * local texture and edge direction ({@link dev.loupe.engine.appearance.AppearanceFeatures}),
 * their distance from the normal training images
 * ({@link dev.loupe.engine.appearance.AppearanceModel}), and the rule that adds that distance to
 * the network's score ({@link dev.loupe.engine.appearance.ScoreFusion}).
 *
 * <p>Why: a missing part leaves no local evidence for the network's cells to find (background
 * where a leg should be looks like background), but it changes how much of each colour, texture
 * and edge direction the image holds. Such histograms with a Gaussian reach 0.92 to 0.95 image
 * AUROC on the aliens alone, and their mistakes are not the network's. Fused by a linear
 * discriminant, they lift the aliens' mean AUROC over seeds (see docs/benchmarks.md); where they
 * separate little, the discriminant gives them little or no weight.
 */
package dev.loupe.engine.appearance;
