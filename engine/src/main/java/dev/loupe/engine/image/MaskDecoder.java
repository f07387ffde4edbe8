package dev.loupe.engine.image;

import static dev.loupe.engine.image.InvalidImageException.Reason.CORRUPT;
import static dev.loupe.engine.image.InvalidImageException.Reason.UNSUPPORTED_FORMAT;

import dev.loupe.manifest.AnomalyClass;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Decodes a Ground Truth colour mask (a PNG) into a {@link ClassMask} through a list of anomaly
 * classes; index {@code i + 1} of the result is {@code classes.get(i)}.
 *
 * <p>The rule, for every pixel:
 * <ol>
 *   <li>alpha below 128 is background (the cookie masks are palette PNGs whose background is
 *       transparent black, and whose crack edges fade out in alpha);</li>
 *   <li>otherwise the pixel takes the nearest of the class colours, white and black, by
 *       Euclidean distance in RGB; white and black are background;</li>
 *   <li>and a class colour counts only within {@value #TOLERANCE} of each channel, so unlisted
 *       colours are background, as are anti-aliased edge pixels blended more than about a
 *       quarter of the way towards the background. Edges are thus split at their midpoint.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class MaskDecoder {
    /** How far (per channel) a pixel may be from a class colour and still be that class. */
    public static final int TOLERANCE = 48;

    private final List<AnomalyClass> classes;
    private final int[] colours;

    public MaskDecoder(List<AnomalyClass> classes) {
        this.classes = List.copyOf(classes);
        if (this.classes.size() > 255) {
            throw new IllegalArgumentException("at most 255 classes fit a mask, got " + classes.size());
        }
        colours = this.classes.stream().mapToInt(c -> c.color().rgb()).toArray();
    }

    public List<AnomalyClass> classes() {
        return classes;
    }

    /** Decodes mask PNG bytes. */
    public ClassMask decode(byte[] png, ImageLimits limits) {
        ImageHeader header = new ImageDecoder(limits).header(png);
        if (header.format() != ImageFormat.PNG) {
            throw new InvalidImageException(UNSUPPORTED_FORMAT, "a mask must be a PNG image, this is " + header.format());
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(CORRUPT, "corrupt or truncated mask PNG: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InvalidImageException(CORRUPT, "undecodable mask PNG");
        }
        return decode(image);
    }

    /** Decodes an image already in memory (alpha honoured when it has one). */
    public ClassMask decode(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        byte[] out = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                if (alpha && (argb >>> 24) < 128) {
                    continue;
                }
                out[y * w + x] = (byte) classOf(argb & 0xFFFFFF);
            }
        }
        return ClassMask.wrap(w, h, out);
    }

    /** The class index (1-based; 0 = background) of an opaque colour. */
    int classOf(int rgb) {
        int best = 0;
        long bestDistance = Math.min(distance(rgb, 0xFFFFFF), distance(rgb, 0x000000));
        for (int i = 0; i < colours.length; i++) {
            long d = distance(rgb, colours[i]);
            if (d < bestDistance && withinTolerance(rgb, colours[i])) {
                best = i + 1;
                bestDistance = d;
            }
        }
        return best;
    }

    private static long distance(int a, int b) {
        long dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        long dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        long db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db;
    }

    private static boolean withinTolerance(int a, int b) {
        return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) <= TOLERANCE
                && Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) <= TOLERANCE
                && Math.abs((a & 0xFF) - (b & 0xFF)) <= TOLERANCE;
    }
}
