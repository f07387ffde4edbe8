package dev.loupe.engine.image;

import static dev.loupe.engine.image.InvalidImageException.Reason.BAD_DIMENSIONS;
import static dev.loupe.engine.image.InvalidImageException.Reason.CORRUPT;
import static dev.loupe.engine.image.InvalidImageException.Reason.TOO_MANY_BYTES;
import static dev.loupe.engine.image.InvalidImageException.Reason.UNSUPPORTED_FORMAT;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.png.PngImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

/**
 * Decodes PNG and JPEG bytes into {@link RgbImage}s under {@link ImageLimits}.
 *
 * <p>Which library does what, and why: the JDK's image I/O decodes the pixels (it handles every
 * PNG colour type and bit depth, palettes with transparency, baseline and progressive JPEG, and is
 * the fastest decoder on the JVM); Apache Commons Imaging reads EXIF orientation (image I/O has no
 * EXIF parser). The JDK does not colour-convert CMYK or YCCK JPEGs, so those are read as raw
 * rasters and converted here. Alpha is dropped (the colour channels are kept as they are, as
 * Pillow's {@code convert("RGB")} does).
 *
 * <pre>{@code
 * ImageDecoder decoder = new ImageDecoder(ImageLimits.SERVICE);
 * RgbImage image = decoder.decode(bytes);       // InvalidImageException when refused
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ImageDecoder {
    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A decoder with the service's limits. */
    public static ImageDecoder service() {
        return new ImageDecoder(ImageLimits.SERVICE);
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Reads a file whole (after checking its size) and decodes it. */
    public RgbImage decode(Path file) throws IOException {
        return decode(readChecked(file));
    }

    /** Reads the header of a file: format, stored size, orientation; checks the limits. */
    public ImageHeader header(Path file) throws IOException {
        return header(readChecked(file));
    }

    /**
     * The header of {@code bytes}, checked against the limits, with no pixel decoded: a
     * decompression bomb (a tiny file announcing a huge image) costs nothing.
     */
    public ImageHeader header(byte[] bytes) {
        ImageFormat format = checkBytes(bytes);
        try (ImageInputStream in = memoryStream(bytes)) {
            ImageReader reader = reader(format, in);
            try {
                return checkedHeader(reader, format, bytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InvalidImageException(CORRUPT, "corrupt " + format + " header: " + describe(e), e);
        }
    }

    /** Decodes {@code bytes}, applying EXIF orientation. One reader reads header and pixels. */
    public RgbImage decode(byte[] bytes) {
        ImageFormat format = checkBytes(bytes);
        ImageHeader header;
        RgbImage stored;
        try (ImageInputStream in = memoryStream(bytes)) {
            ImageReader reader = reader(format, in);
            try {
                header = checkedHeader(reader, format, bytes);
                stored = read(reader, header, bytes);
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidImageException invalid) {
                    throw invalid;
                }
                // image I/O signals damage with IIOException, and on some inputs with runtime
                // exceptions from deep inside its parsers; either way the bytes are at fault.
                throw new InvalidImageException(CORRUPT, "corrupt or truncated " + format + " image: " + describe(e), e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new InvalidImageException(CORRUPT, "unreadable " + format + " image: " + describe(e), e);
        }
        if (stored.width() != header.width() || stored.height() != header.height()) {
            throw new InvalidImageException(CORRUPT, "decoded " + stored.width() + "x" + stored.height()
                    + " pixels from a header announcing " + header.width() + "x" + header.height());
        }
        return stored.oriented(header.orientation());
    }

    /** Size limit and signature, before anything is parsed. */
    private ImageFormat checkBytes(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidImageException(TOO_MANY_BYTES, "image is " + bytes.length + " bytes; the limit is "
                    + limits.maxBytes() + " bytes");
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new InvalidImageException(UNSUPPORTED_FORMAT, "not a PNG or JPEG image (unrecognised signature "
                    + signature(bytes) + ")");
        }
        return format;
    }

    /**
     * The header from a reader positioned on the bytes, the sides checked before any pixel is
     * decoded: a decompression bomb (a tiny file announcing a huge image) costs nothing.
     */
    private ImageHeader checkedHeader(ImageReader reader, ImageFormat format, byte[] bytes) {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(CORRUPT, "corrupt " + format + " header: " + describe(e), e);
        }
        checkSides(width, height);
        return new ImageHeader(format, width, height, orientation(format, bytes));
    }

    private static RgbImage read(ImageReader reader, ImageHeader header, byte[] bytes) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (header.format() == ImageFormat.JPEG) {
            // The raw raster, converted here: faster than image I/O's conversion, and the only way
            // to CMYK and YCCK files, which image I/O refuses or converts without Adobe's inversion.
            JpegColour.Headers jpeg = JpegColour.headers(bytes);
            if (jpeg.components() == 4) {
                return JpegColour.toRgb(reader.readRaster(0, param), jpeg.adobeTransform());
            }
            if (jpeg.components() == 3) {
                Raster raster = reader.readRaster(0, param);
                return jpeg.yCbCr() ? JpegColour.yccToRgb(raster) : JpegColour.rgb(raster);
            }
        }
        BufferedImage image = reader.read(0, param);
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return grey(image.getRaster());
        }
        return RgbImage.of(image);
    }

    /**
     * Grey images from the raster: going through {@code getRGB} would apply the JDK's linear-grey
     * to sRGB conversion and brighten them.
     */
    private static RgbImage grey(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        int max = (1 << bits) - 1;
        byte[] out = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                int v = bits == 8 ? row[x] : (row[x] * 255 + max / 2) / max;
                out[o] = (byte) v;
                out[o + 1] = (byte) v;
                out[o + 2] = (byte) v;
            }
        }
        return RgbImage.wrap(w, h, out);
    }

    /**
     * A stream over bytes already in memory. {@code ImageIO.createImageInputStream} would, with
     * image I/O's default disk cache, copy them into a temporary file first: a file created,
     * written and deleted for every image, which cost most of a 16,000-image import.
     */
    private static ImageInputStream memoryStream(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    private static ImageReader reader(ImageFormat format, ImageInputStream in) throws IIOException {
        if (in == null) {
            throw new IIOException("no image input stream");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == ImageFormat.PNG ? "png" : "jpeg");
        if (!readers.hasNext()) {
            throw new IIOException("no " + format + " reader in this JDK");
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    private void checkSides(int width, int height) {
        if (width < limits.minSide() || height < limits.minSide() || width > limits.maxSide() || height > limits.maxSide()) {
            throw new InvalidImageException(BAD_DIMENSIONS, "image is " + width + "x" + height + " pixels; each side must be "
                    + limits.minSide() + " to " + limits.maxSide() + " pixels");
        }
    }

    /**
     * The EXIF orientation, 1 when there is none. Metadata is advisory: damaged EXIF does not make
     * the pixels unusable, so a parser failure here means "as stored", never a refusal.
     */
    static int orientation(ImageFormat format, byte[] bytes) {
        if (!mayHaveExif(format, bytes)) {
            return 1;
        }
        try {
            ImageMetadata meta = Imaging.getMetadata(bytes);
            TiffImageMetadata exif = null;
            if (meta instanceof JpegImageMetadata jpeg) {
                exif = jpeg.getExif();
            } else if (meta instanceof PngImageMetadata png) {
                exif = png.getExif();
            }
            if (exif == null) {
                return 1;
            }
            TiffField field = exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
            if (field == null) {
                return 1;
            }
            int o = field.getIntValue();
            return o >= 1 && o <= 8 ? o : 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** A cheap look for EXIF (JPEG APP1 "Exif", PNG eXIf chunk) before the full metadata parse. */
    private static boolean mayHaveExif(ImageFormat format, byte[] bytes) {
        if (format == ImageFormat.PNG) {
            for (int i = 8; i + 8 <= bytes.length; ) {
                int length = ((bytes[i] & 0xFF) << 24) | ((bytes[i + 1] & 0xFF) << 16) | ((bytes[i + 2] & 0xFF) << 8) | (bytes[i + 3] & 0xFF);
                if (bytes[i + 4] == 'e' && bytes[i + 5] == 'X' && bytes[i + 6] == 'I' && bytes[i + 7] == 'f') {
                    return true;
                }
                if (bytes[i + 4] == 'I' && bytes[i + 5] == 'D' && bytes[i + 6] == 'A' && bytes[i + 7] == 'T' || length < 0) {
                    return false; // eXIf must come before the image data
                }
                i += 12 + length;
            }
            return false;
        }
        for (int i = 2; i + 10 <= bytes.length && (bytes[i] & 0xFF) == 0xFF; ) {
            int marker = bytes[i + 1] & 0xFF;
            int length = ((bytes[i + 2] & 0xFF) << 8) | (bytes[i + 3] & 0xFF);
            if (marker == 0xE1 && bytes[i + 4] == 'E' && bytes[i + 5] == 'x' && bytes[i + 6] == 'i' && bytes[i + 7] == 'f') {
                return true;
            }
            if (marker == 0xDA || length < 2) {
                return false;
            }
            i += 2 + length;
        }
        return false;
    }

    private byte[] readChecked(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw new InvalidImageException(TOO_MANY_BYTES, file + " is " + size + " bytes; the limit is "
                    + limits.maxBytes() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) limits.maxBytes() + 1);
        }
    }

    private static String signature(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            s.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return bytes.length == 0 ? "(empty)" : s.toString();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
