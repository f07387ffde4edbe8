package dev.loupe.engine.appearance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppearanceFeaturesTest {
    private static final int SIZE = 16;
    private static final int SATURATION = AppearanceFeatures.HUE_BINS;
    private static final int VALUE = SATURATION + AppearanceFeatures.LEVEL_BINS;
    private static final int LBP = VALUE + AppearanceFeatures.LEVEL_BINS;
    private static final int ORIENTATION = LBP + AppearanceFeatures.LBP_BINS;

    private static float[] image(java.util.function.IntBinaryOperator rgbAt) {
        int plane = SIZE * SIZE;
        float[] p = new float[3 * plane];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = rgbAt.applyAsInt(x, y);
                p[y * SIZE + x] = ((rgb >> 16) & 255) / 255f;
                p[plane + y * SIZE + x] = ((rgb >> 8) & 255) / 255f;
                p[2 * plane + y * SIZE + x] = (rgb & 255) / 255f;
            }
        }
        return p;
    }

    private static double sumOfSquares(double[] d, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += d[i] * d[i];
        }
        return s;
    }

    @Test
    void aFlatPureGreenImageFillsOneBinOfEachHistogram() {
        double[] d = new AppearanceFeatures(SIZE).describe(image((x, y) -> 0x00FF00));
        assertEquals(AppearanceFeatures.LENGTH, d.length);
        // Green's hue is 1/3: bin 5 of 16. Square roots of fractions: a full bin reads 1.
        assertEquals(1.0, d[5], 1e-9);
        assertEquals(1.0, sumOfSquares(d, 0, SATURATION), 1e-9);
        assertEquals(1.0, d[SATURATION + 15], 1e-9);
        assertEquals(1.0, d[VALUE + 15], 1e-9);
        assertEquals(1.0, d[LBP], 1e-9, "a flat image is all 'no brighter neighbour'");
        assertEquals(0.0, sumOfSquares(d, ORIENTATION, AppearanceFeatures.LENGTH), 1e-12, "and has no edges");
    }

    @Test
    void greyPixelsHaveNoHueAndHistogramsAreFractions() {
        double[] grey = new AppearanceFeatures(SIZE).describe(image((x, y) -> 0x808080));
        assertEquals(0.0, sumOfSquares(grey, 0, SATURATION), 1e-12);
        double[] mixed = new AppearanceFeatures(SIZE).describe(image((x, y) -> x < 4 ? 0xFF0000 : 0x808080));
        assertEquals(0.25, mixed[0] * mixed[0], 1e-9, "a quarter of the pixels are red (hue bin 0)");
        assertEquals(1.0, sumOfSquares(mixed, SATURATION, VALUE), 1e-9);
        assertEquals(1.0, sumOfSquares(mixed, VALUE, LBP), 1e-9);
        assertEquals(1.0, sumOfSquares(mixed, LBP, ORIENTATION), 1e-9);
    }

    @Test
    void verticalStripesHaveOnlyHorizontalGradients() {
        double[] d = new AppearanceFeatures(SIZE).describe(image((x, y) -> (x / 2) % 2 == 0 ? 0x202020 : 0xE0E0E0));
        assertTrue(d[ORIENTATION] > 0.1, "edges across x have orientation 0");
        assertEquals(d[ORIENTATION] * d[ORIENTATION], sumOfSquares(d, ORIENTATION, AppearanceFeatures.LENGTH), 1e-12);
        double[] turned = new AppearanceFeatures(SIZE).describe(image((x, y) -> (y / 2) % 2 == 0 ? 0x202020 : 0xE0E0E0));
        assertEquals(d[ORIENTATION], turned[ORIENTATION + AppearanceFeatures.ORIENTATION_BINS / 2], 1e-9,
                "the same stripes turned a quarter put the same edge energy at 90 degrees");
    }

    @Test
    void describingIsRepeatableIntoTheSameBuffer() {
        AppearanceFeatures f = new AppearanceFeatures(SIZE);
        float[] noisy = image((x, y) -> (x * 7919 + y * 104729) * 2654435761L > 0 ? x * 0x0F0A03 + y * 0x030507 : 0x102030);
        double[] out = new double[AppearanceFeatures.LENGTH];
        f.describe(image((x, y) -> 0xFFFFFF), out);
        f.describe(noisy, out);
        assertArrayEquals(new AppearanceFeatures(SIZE).describe(noisy), out, 0);
        assertThrows(IllegalArgumentException.class, () -> f.describe(new float[10], out));
        assertThrows(IllegalArgumentException.class, () -> new AppearanceFeatures(2));
    }
}
