/**
 * Image decoding under the service's limits, into one RGB raster type.
 *
 * <p>{@link dev.loupe.engine.image.ImageDecoder} reads PNG (the JDK's image I/O, which handles
 * every PNG colour type and bit depth) and JPEG (the JDK's image I/O decodes, baseline and
 * progressive; colour conversion of YCbCr, CMYK and YCCK rasters is ours, being faster than the
 * JDK's and correct for Adobe's inverted CMYK), honours EXIF orientation (read with Apache
 * Commons Imaging), and checks the format, the byte size and the dimensions from the header
 * before any pixel is decoded.
 * {@link dev.loupe.engine.image.MaskDecoder} turns a Ground Truth colour mask into class indexes,
 * and {@link dev.loupe.engine.image.Resizer} resamples an image to a model's square input.
 *
 * <p>Every failure is an {@link dev.loupe.engine.image.InvalidImageException} with a reason and
 * a message for people. All types here are immutable and thread-safe.
 */
package dev.loupe.engine.image;
