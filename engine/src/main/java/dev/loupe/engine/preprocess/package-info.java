/**
 * From decoded images to network input: {@link dev.loupe.engine.preprocess.Resizer} resamples an
 * {@link dev.loupe.engine.image.RgbImage} of any size to the model's square input (area
 * averaging, so downscaled cracks are not aliased away), {@link dev.loupe.engine.preprocess.Normalization}
 * standardises channels, and {@link dev.loupe.engine.preprocess.Augmenter} makes the seeded
 * variations training learns from. Plain Java arrays only; no ND4J here. Stateless or immutable,
 * thread-safe.
 */
package dev.loupe.engine.preprocess;
