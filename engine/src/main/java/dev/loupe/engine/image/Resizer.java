package dev.loupe.engine.image;

/**
 * Resamples an RGB image to a {@code size x size} planar float image (channel-major, values
 * 0..1), by area averaging: every output pixel is the mean of the source area it covers, with
 * fractional weights at the edges, so downscaled cracks and scratches fade rather than vanish
 * between samples. Upscaling interpolates linearly. Images of any aspect ratio are stretched to
 * the square, as the model saw them in training.
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
        byte[] px = image.pixelsForRead();
        Axis ax = new Axis(w, size);
        Axis ay = new Axis(h, size);
        // Horizontal pass: each source row to `size` columns, per channel.
        float[] rows = new float[3 * h * size];
        int channelStride = h * size;
        for (int y = 0; y < h; y++) {
            int rowStart = y * w * 3;
            for (int ox = 0; ox < size; ox++) {
                float r = 0;
                float g = 0;
                float b = 0;
                float[] weights = ax.weights[ox];
                for (int k = 0, x = ax.start[ox]; k < weights.length; k++, x++) {
                    int p = rowStart + x * 3;
                    r += (px[p] & 0xFF) * weights[k];
                    g += (px[p + 1] & 0xFF) * weights[k];
                    b += (px[p + 2] & 0xFF) * weights[k];
                }
                int o = y * size + ox;
                rows[o] = r;
                rows[channelStride + o] = g;
                rows[2 * channelStride + o] = b;
            }
        }
        // Vertical pass, scaling to 0..1.
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < size; oy++) {
                float[] weights = ay.weights[oy];
                int first = c * channelStride + ay.start[oy] * size;
                int o = c * plane + oy * size;
                for (int ox = 0; ox < size; ox++) {
                    float v = 0;
                    for (int k = 0; k < weights.length; k++) {
                        v += rows[first + k * size + ox] * weights[k];
                    }
                    out[o + ox] = v * (1f / 255f);
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

    /** The first source sample and the weights of each output sample along one axis. */
    private static final class Axis {
        final int[] start;
        final float[][] weights;

        Axis(int n, int size) {
            start = new int[size];
            weights = new float[size][];
            double scale = n / (double) size;
            for (int o = 0; o < size; o++) {
                if (scale >= 1) {
                    double a = o * scale;
                    double b = (o + 1) * scale;
                    int first = (int) Math.floor(a);
                    int last = Math.min(n, (int) Math.ceil(b));
                    start[o] = first;
                    weights[o] = new float[last - first];
                    for (int k = first; k < last; k++) {
                        weights[o][k - first] = (float) ((Math.min(b, k + 1) - Math.max(a, k)) / scale);
                    }
                } else {
                    double centre = Math.max(0, Math.min(n - 1, (o + 0.5) * scale - 0.5));
                    int lo = (int) Math.floor(centre);
                    int hi = Math.min(lo + 1, n - 1);
                    start[o] = lo;
                    float f = (float) (centre - lo);
                    weights[o] = hi == lo ? new float[] {1f} : new float[] {1 - f, f};
                }
            }
        }
    }
}
