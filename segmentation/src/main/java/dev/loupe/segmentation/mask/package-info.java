/**
 * Class masks as plain byte arrays (one class index per pixel, row by row; 0 is background and
 * {@code k >= 1} the k-th anomaly class): the service's {@code AnomalyMask} PNG, each class's share
 * of the image for {@code TotalPercentageArea}, and nearest-neighbour resizing between a network's
 * output resolution and the image's.
 *
 * <p>Promises: the PNG is 8-bit RGB without alpha, white where there is no anomaly and each class
 * exactly in its colour, so the engine's {@link dev.loupe.engine.image.MaskDecoder} reads back the
 * same class map; nothing here keeps state, so everything is thread-safe.
 */
package dev.loupe.segmentation.mask;
