package dev.loupe.engine.preprocess;

import java.util.SplittableRandom;

/**
 * The seeded variations training learns invariance from, applied to planar 0..1 images of one
 * square size: geometric (mirror, a small rotation, scale and shift; quarter turns on request) and
 * photometric (brightness, contrast, colour gain, sensor noise).
 *
 * <p>Quarter turns are off by default: parts on a line arrive in one orientation, and a model that
 * knows where things belong (a missing leg is background where a leg should be) needs that
 * orientation kept. Immutable and thread-safe; randomness comes from the caller's stream.
 *
 * @param geometric    mirrors and the small affine jitter
 * @param photometric  brightness, contrast, colour gain and noise
 * @param quarterTurns also rotate by multiples of 90 degrees (for textures and round parts)
 */
public record Augmenter(boolean geometric, boolean photometric, boolean quarterTurns) {
    private static final double MAX_ROTATION = Math.toRadians(10);
    /**
     * Standard normal samples, drawn once from a fixed seed and read from a random offset:
     * drawing a fresh Gaussian per pixel would cost more than the rest of training's data path.
     */
    private static final float[] GAUSSIAN = gaussianTable(1 << 16);

    /** Everything on: what training uses by default. */
    public static Augmenter standard() {
        return new Augmenter(true, true, false);
    }

    /** Writes an augmented copy of {@code src} into {@code dst}; both {@code 3 * size * size}. */
    public void apply(float[] src, float[] dst, int size, SplittableRandom random) {
        apply(src, dst, null, null, size, random);
    }

    /**
     * The same, moving a per-pixel class mask ({@code size * size}) with exactly the image's
     * geometry (nearest sample, so classes never blend); photometric changes leave it alone.
     */
    public void apply(float[] src, float[] dst, byte[] maskSrc, byte[] maskDst, int size, SplittableRandom random) {
        if (geometric) {
            warp(src, dst, maskSrc, maskDst, size, random, quarterTurns);
        } else {
            System.arraycopy(src, 0, dst, 0, src.length);
            if (maskSrc != null) {
                System.arraycopy(maskSrc, 0, maskDst, 0, maskSrc.length);
            }
        }
        if (photometric) {
            jitter(dst, size, random);
        }
    }

    private static void warp(float[] src, float[] dst, byte[] maskSrc, byte[] maskDst, int size,
                             SplittableRandom random, boolean quarterTurns) {
        boolean mirror = random.nextBoolean();
        int quarter = quarterTurns ? random.nextInt(4) : 0;
        double angle = random.nextDouble(-MAX_ROTATION, MAX_ROTATION) + quarter * Math.PI / 2;
        double scale = random.nextDouble(0.9, 1.1);
        double shiftX = random.nextDouble(-0.06, 0.06) * size;
        double shiftY = random.nextDouble(-0.06, 0.06) * size;
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double c = (size - 1) / 2.0;
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse map: output (x, y) samples the source at (sx, sy).
                double dx = (mirror ? size - 1 - x : x) - c - shiftX;
                double dy = y - c - shiftY;
                double sx = clamp(cos * dx + sin * dy + c, size - 1);
                double sy = clamp(-sin * dx + cos * dy + c, size - 1);
                int x0 = (int) sx;
                int y0 = (int) sy;
                int x1 = Math.min(x0 + 1, size - 1);
                int y1 = Math.min(y0 + 1, size - 1);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                for (int ch = 0; ch < 3; ch++) {
                    int base = ch * plane;
                    float top = src[base + y0 * size + x0] * (1 - fx) + src[base + y0 * size + x1] * fx;
                    float bottom = src[base + y1 * size + x0] * (1 - fx) + src[base + y1 * size + x1] * fx;
                    dst[base + y * size + x] = top * (1 - fy) + bottom * fy;
                }
                if (maskSrc != null) {
                    maskDst[y * size + x] = maskSrc[(int) Math.round(sy) * size + (int) Math.round(sx)];
                }
            }
        }
    }

    private static void jitter(float[] img, int size, SplittableRandom random) {
        float brightness = (float) random.nextDouble(-0.08, 0.08);
        float contrast = (float) random.nextDouble(0.85, 1.15);
        float noise = (float) random.nextDouble(0, 0.02);
        int plane = size * size;
        int offset = random.nextInt(GAUSSIAN.length);
        for (int ch = 0; ch < 3; ch++) {
            float gain = (float) random.nextDouble(0.94, 1.06) * contrast;
            for (int i = ch * plane, end = i + plane; i < end; i++) {
                float v = (img[i] - 0.5f) * gain + 0.5f + brightness;
                img[i] = v + GAUSSIAN[(offset + i) & (GAUSSIAN.length - 1)] * noise;
            }
        }
    }

    private static double clamp(double v, double max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    private static float[] gaussianTable(int n) {
        SplittableRandom random = new SplittableRandom(0x5EED);
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - random.nextDouble();
            t[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return t;
    }
}
