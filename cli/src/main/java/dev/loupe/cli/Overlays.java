package dev.loupe.cli;

import dev.loupe.engine.image.RgbImage;
import dev.loupe.segmentation.model.SegmentationResult;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pictures for people: predictions painted over the photo they were made on. */
final class Overlays {
    private Overlays() {
    }

    /** The photo with each predicted class painted over it at half strength. */
    static BufferedImage mask(SegmentationResult r, RgbImage photo) {
        if (photo.width() != r.width() || photo.height() != r.height()) {
            throw new IllegalArgumentException("the mask is for a " + r.width() + "x" + r.height() + " image");
        }
        BufferedImage out = photo.toBufferedImage();
        byte[] classes = r.classMap();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int k = classes[y * r.width() + x] & 0xFF;
                if (k > 0) {
                    int rgb = out.getRGB(x, y) & 0xFFFFFF;
                    int paint = r.colors().get(k - 1).rgb();
                    out.setRGB(x, y, ((rgb >> 1) & 0x7F7F7F) + ((paint >> 1) & 0x7F7F7F));
                }
            }
        }
        return out;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** A JPEG at most {@code side} pixels wide and high, for pages that hold many pictures. */
    static byte[] thumbnail(BufferedImage image, int side) {
        double scale = Math.min(1.0, (double) side / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return encode(small, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
