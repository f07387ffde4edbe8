package dev.loupe.segmentation.mask;

import dev.loupe.manifest.HexColor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Class masks (one class index per pixel, row by row, as unsigned bytes) to and from what the
 * service returns.
 *
 * <pre>{@code
 * byte[] full = MaskImages.resizeNearest(netMask, 72, 96, 576, 768); // network output to image size
 * byte[] png = MaskImages.toPng(full, 576, 768, List.of(HexColor.parse("#23A436")));
 * double[] areas = MaskImages.areas(full, 1); // [background, class 1]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MaskImages {
    /** PNG compression quality for deflate level 1 (the writer's level is round(9 (1 - quality))). */
    private static final float FAST_DEFLATE = 0.9f;

    private MaskImages() {
    }

    /**
     * The service's {@code AnomalyMask}: an 8-bit RGB PNG without alpha, white (#FFFFFF) where
     * the class is 0 and class {@code k} painted {@code colors.get(k - 1)}.
     *
     * @throws IllegalArgumentException when the sizes disagree or a pixel's class has no colour
     */
    public static byte[] toPng(byte[] classes, int width, int height, List<HexColor> colors) {
        checkSize(classes, width, height);
        int classCount = colors.size();
        if (classCount > 255) {
            throw new IllegalArgumentException("at most 255 classes fit a mask, got " + classCount);
        }
        // Colour tables in the raster's byte order (blue, green, red), white for class 0.
        byte[] blue = new byte[256];
        byte[] green = new byte[256];
        byte[] red = new byte[256];
        blue[0] = green[0] = red[0] = (byte) 0xFF;
        for (int k = 1; k <= classCount; k++) {
            HexColor c = colors.get(k - 1);
            blue[k] = (byte) c.blue();
            green[k] = (byte) c.green();
            red[k] = (byte) c.red();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, o = 0; i < classes.length; i++, o += 3) {
            int k = classes[i] & 0xFF;
            if (k > classCount) {
                throw new IllegalArgumentException("pixel " + i + " has class index " + k + " but only "
                        + classCount + " colours were given");
            }
            bgr[o] = blue[k];
            bgr[o + 1] = green[k];
            bgr[o + 2] = red[k];
        }
        return writePng(image);
    }

    private static byte[] writePng(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        // The fastest deflate level: at the writer's default level, compressing takes about half the
        // time of writing a 576x768 mask, and a mask is mostly white, so level 1 still makes it small
        // (some 13 KB instead of 7 KB for two blobs).
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(FAST_DEFLATE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        // A memory-cached stream: ImageIO's default stream for an OutputStream may cache on disk.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Resizes a class map by nearest neighbour, sampling the source pixel under the centre of each
     * new pixel: new (x, y) takes source ({@code floor((x + 0.5) * w / newW)},
     * {@code floor((y + 0.5) * h / newH)}). Corners map to corners when enlarging; the same size
     * returns a copy.
     */
    public static byte[] resizeNearest(byte[] classes, int w, int h, int newW, int newH) {
        checkSize(classes, w, h);
        if (newW <= 0 || newH <= 0) {
            throw new IllegalArgumentException("the new size must be positive, got " + newW + "x" + newH);
        }
        int[] sourceX = new int[newW];
        for (int x = 0; x < newW; x++) {
            sourceX[x] = (int) ((2L * x + 1) * w / (2L * newW));
        }
        byte[] out = new byte[newW * newH];
        int previousY = -1;
        for (int y = 0; y < newH; y++) {
            int sy = (int) ((2L * y + 1) * h / (2L * newH));
            int o = y * newW;
            if (sy == previousY) {
                // Enlarging repeats source rows: copy the row just made.
                System.arraycopy(out, o - newW, out, o, newW);
                continue;
            }
            int row = sy * w;
            for (int x = 0; x < newW; x++) {
                out[o + x] = classes[row + sourceX[x]];
            }
            previousY = sy;
        }
        return out;
    }

    /**
     * The share of the pixels of each class index {@code 0..classCount} (so {@code classCount + 1}
     * values summing to 1), index 0 being background: the service's {@code TotalPercentageArea}.
     *
     * @throws IllegalArgumentException when there are no pixels or a pixel's index exceeds {@code classCount}
     */
    public static double[] areas(byte[] classes, int classCount) {
        if (classCount < 0 || classCount > 255) {
            throw new IllegalArgumentException("class count must be 0..255, got " + classCount);
        }
        if (classes.length == 0) {
            throw new IllegalArgumentException("a mask without pixels has no areas");
        }
        long[] counts = new long[256];
        for (byte c : classes) {
            counts[c & 0xFF]++;
        }
        double[] areas = new double[classCount + 1];
        for (int k = 0; k < 256; k++) {
            if (k > classCount && counts[k] > 0) {
                throw new IllegalArgumentException("a pixel has class index " + k + " but the class count is "
                        + classCount);
            }
            if (k <= classCount) {
                areas[k] = counts[k] / (double) classes.length;
            }
        }
        return areas;
    }

    private static void checkSize(byte[] classes, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height != classes.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask has " + (long) width * height
                    + " pixels, got " + classes.length);
        }
    }
}
