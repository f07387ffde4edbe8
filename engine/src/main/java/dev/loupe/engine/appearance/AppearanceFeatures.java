package dev.loupe.engine.appearance;

/**
 * A fixed-length description of a whole image's appearance, from the planar 0..1 RGB input the
 * network sees (before its normalisation), as square roots of histogram fractions (the Hellinger
 * embedding, in which Euclidean distances between histograms behave):
 * <ul>
 *   <li>{@value #HUE_BINS} bins of hue, over the pixels with some colour (saturation and value
 *       above 0.2 and 0.15; grey pixels have no meaningful hue);</li>
 *   <li>{@value #LEVEL_BINS} bins each of saturation and value (HSV: colour apart from
 *       brightness, so a lighting change moves one group, not all);</li>
 *   <li>{@value #LBP_BINS} bins of rotation-invariant uniform local binary patterns of the grey
 *       image (flat, edge, corner, line end, ... and "other"): texture;</li>
 *   <li>{@value #ORIENTATION_BINS} bins of gradient orientation, weighted by gradient magnitude:
 *       how much edge there is, in which direction.</li>
 * </ul>
 *
 * <p>Not thread-safe: it keeps one grey buffer for the image size it was made for, so a detector
 * describes every image without allocating.
 */
public final class AppearanceFeatures {
    public static final int HUE_BINS = 16;
    public static final int LEVEL_BINS = 16;
    public static final int LBP_BINS = 10;
    public static final int ORIENTATION_BINS = 9;
    /** The description's length. */
    public static final int LENGTH = HUE_BINS + 2 * LEVEL_BINS + LBP_BINS + ORIENTATION_BINS;
    /** Names this description in archives: a change to the features must change it. */
    public static final String VERSION = "hsv16-lbp10-orient9-sqrt";

    private static final int SATURATION = HUE_BINS;
    private static final int VALUE = SATURATION + LEVEL_BINS;
    private static final int LBP = VALUE + LEVEL_BINS;
    private static final int ORIENTATION = LBP + LBP_BINS;
    /** A neighbour counts as brighter only by this much (of 1), so sensor noise on flat areas stays "flat". */
    private static final float LBP_TOLERANCE = 2f / 255f;
    private static final int[] DX = {-1, 0, 1, 1, 1, 0, -1, -1};
    private static final int[] DY = {-1, -1, -1, 0, 1, 1, 1, 0};

    private final int size;
    private final float[] grey;

    /** For planar images of {@code size x size} pixels (at least 3). */
    public AppearanceFeatures(int size) {
        if (size < 3) {
            throw new IllegalArgumentException("appearance features need images of at least 3x3 pixels, not " + size);
        }
        this.size = size;
        this.grey = new float[size * size];
    }

    /** A new array with the description of {@code planar} (channel-major RGB, 0..1). */
    public double[] describe(float[] planar) {
        double[] out = new double[LENGTH];
        describe(planar, out);
        return out;
    }

    /** Writes the description of {@code planar} into {@code out} (length {@link #LENGTH}). */
    public void describe(float[] planar, double[] out) {
        int plane = size * size;
        if (planar.length != 3 * plane || out.length != LENGTH) {
            throw new IllegalArgumentException("expected " + 3 * plane + " input and " + LENGTH + " output values, got "
                    + planar.length + " and " + out.length);
        }
        java.util.Arrays.fill(out, 0);
        double pixel = 1.0 / plane;
        for (int i = 0; i < plane; i++) {
            float r = planar[i];
            float g = planar[plane + i];
            float b = planar[2 * plane + i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float saturation = max > 0 ? (max - min) / max : 0;
            out[SATURATION + bin(saturation, LEVEL_BINS)] += pixel;
            out[VALUE + bin(max, LEVEL_BINS)] += pixel;
            if (saturation > 0.2f && max > 0.15f) {
                out[bin(hue(r, g, b, max, min), HUE_BINS)] += pixel;
            }
            grey[i] = 0.299f * r + 0.587f * g + 0.114f * b;
        }
        double inner = 1.0 / ((size - 2) * (size - 2));
        for (int y = 1; y < size - 1; y++) {
            for (int x = 1; x < size - 1; x++) {
                int centre = y * size + x;
                float c = grey[centre] + LBP_TOLERANCE;
                int code = 0;
                for (int k = 0; k < 8; k++) {
                    if (grey[centre + DY[k] * size + DX[k]] >= c) {
                        code |= 1 << k;
                    }
                }
                // Uniform patterns (at most two 0/1 transitions around the circle) by their count of
                // brighter neighbours, 0..8; every other pattern in bin 9.
                int transitions = Integer.bitCount(code ^ ((code >>> 1) | ((code & 1) << 7)));
                out[LBP + (transitions <= 2 ? Integer.bitCount(code) : 9)] += inner;
                double gx = grey[centre + 1] - grey[centre - 1];
                double gy = grey[centre + size] - grey[centre - size];
                double magnitude = Math.sqrt(gx * gx + gy * gy);
                double angle = Math.atan2(gy, gx);
                if (angle < 0) {
                    angle += Math.PI;
                }
                // Orientation, not direction: a dark-to-light edge and a light-to-dark one of the same
                // line share a bin (an angle of exactly pi wraps to 0).
                out[ORIENTATION + (int) (angle / Math.PI * ORIENTATION_BINS) % ORIENTATION_BINS] += magnitude * inner;
            }
        }
        for (int i = 0; i < LENGTH; i++) {
            out[i] = Math.sqrt(out[i]);
        }
    }

    /** Hue in [0, 1) of a pixel with {@code max > min}. */
    private static float hue(float r, float g, float b, float max, float min) {
        float d = max - min;
        float h;
        if (max == r) {
            h = (g - b) / d;
        } else if (max == g) {
            h = 2 + (b - r) / d;
        } else {
            h = 4 + (r - g) / d;
        }
        h /= 6;
        return h < 0 ? h + 1 : h;
    }

    private static int bin(float v, int bins) {
        return Math.min(bins - 1, Math.max(0, (int) (v * bins)));
    }
}
