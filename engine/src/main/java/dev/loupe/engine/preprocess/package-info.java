/**
 * From resampled images to network input: {@link dev.loupe.engine.preprocess.Normalization}
 * standardises channels, and {@link dev.loupe.engine.preprocess.Augmenter} makes the seeded
 * variations training learns from. Plain Java arrays only; no ND4J here. Immutable, thread-safe.
 */
package dev.loupe.engine.preprocess;
