package dev.loupe.engine.preprocess;

import dev.loupe.engine.image.RgbImage;
import java.nio.ByteBuffer;

/**
 * Resamples an RGB image to a {@code size x size} planar float image (channel-major, values
 * 0..1), by area averaging: every output pixel is the mean of the source area it covers, with
 * fractional weights at the edges. Images of any aspect ratio are stretched to the square, as
 * the model was trained on stretched images too.
 */
public final class Resizer {
    private Resizer() {
    }

    /** Writes the resampled image into {@code out} (length {@code 3 * size * size}). */
    public static void toPlanar(RgbImage image, int size, float[] out) {
        if (out.length != 3 * size * size) {
            throw new IllegalArgumentException("output needs " + 3 * size * size + " floats, has " + out.length);
        }
        int w = image.width();
        int h = image.height();
        ByteBuffer px = image.pixels();
        // Horizontal pass: each source row to `size` columns, per channel.
        float[] rows = new float[3 * h * size];
        Weights wx = Weights.of(w, size);
        for (int y = 0; y < h; y++) {
            int rowStart = y * w * 3;
            for (int ox = 0; ox < size; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                for (int k = wx.start[ox]; k < wx.end[ox]; k++) {
                    float weight = wx.weight(ox, k);
                    int p = rowStart + k * 3;
                    r += (px.get(p) & 0xFF) * weight;
                    g += (px.get(p + 1) & 0xFF) * weight;
                    b += (px.get(p + 2) & 0xFF) * weight;
                }
                rows[y * size + ox] = r;
                rows[h * size + y * size + ox] = g;
                rows[2 * h * size + y * size + ox] = b;
            }
        }
        // Vertical pass, scaling to 0..1.
        Weights wy = Weights.of(h, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < size; oy++) {
                for (int ox = 0; ox < size; ox++) {
                    float v = 0;
                    for (int k = wy.start[oy]; k < wy.end[oy]; k++) {
                        v += rows[c * h * size + k * size + ox] * wy.weight(oy, k);
                    }
                    out[c * plane + oy * size + ox] = v / 255f;
                }
            }
        }
    }

    /** A new planar array holding the resampled image. */
    public static float[] toPlanar(RgbImage image, int size) {
        float[] out = new float[3 * size * size];
        toPlanar(image, size, out);
        return out;
    }

    /** The source span and weights of each output sample along one axis. */
    private static final class Weights {
        final int[] start;
        final int[] end;
        final double scale;
        final int n;

        private Weights(int n, int size) {
            this.n = n;
            this.scale = n / (double) size;
            start = new int[size];
            end = new int[size];
            for (int o = 0; o < size; o++) {
                double a = o * scale;
                double b = (o + 1) * scale;
                if (scale < 1) {
                    // Upscaling: sample the nearest two source pixels linearly.
                    double centre = (o + 0.5) * scale - 0.5;
                    int lo = (int) Math.floor(centre);
                    start[o] = Math.max(0, lo);
                    end[o] = Math.min(n, lo + 2);
                } else {
                    start[o] = (int) Math.floor(a);
                    end[o] = Math.min(n, (int) Math.ceil(b));
                }
            }
        }

        static Weights of(int n, int size) {
            return new Weights(n, size);
        }

        float weight(int o, int k) {
            if (scale < 1) {
                double centre = Math.max(0, Math.min(n - 1, (o + 0.5) * scale - 0.5));
                double wgt = 1 - Math.abs(centre - k);
                if (start[o] == end[o] - 1) {
                    return 1f;
                }
                return (float) Math.max(0, wgt);
            }
            double a = o * scale;
            double b = (o + 1) * scale;
            double overlap = Math.min(b, k + 1) - Math.max(a, k);
            return (float) (overlap / scale);
        }
    }
}
