package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.preprocess.Augmenter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefectWidthsTest {
    private static final int SIZE = 64;

    private static byte[] mask() {
        return new byte[SIZE * SIZE];
    }

    private static void rectangle(byte[] m, int cls, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                m[y * SIZE + x] = (byte) cls;
            }
        }
    }

    @Test
    void widthIsAreaOverDiagonal() {
        byte[] m = mask();
        rectangle(m, 1, 5, 5, 40, 2);   // a scratch 2 px wide: 80 / hypot(40, 2)
        rectangle(m, 2, 10, 20, 12, 12); // a blob: 144 / hypot(12, 12) = 8.5
        assertEquals(80 / Math.hypot(40, 2), DefectWidths.narrowestClass(List.of(m), SIZE, 2), 1e-9);
        byte[] blobs = mask();
        rectangle(blobs, 2, 10, 20, 12, 12);
        assertEquals(144 / Math.hypot(12, 12), DefectWidths.narrowestClass(List.of(blobs), SIZE, 2), 1e-9,
                "a class without defects does not count");
        assertTrue(Double.isNaN(DefectWidths.narrowestClass(List.of(mask()), SIZE, 2)));
    }

    @Test
    void theMedianRegionSpeaksForItsClassAndSpecksDoNotCount() {
        byte[] m = mask();
        rectangle(m, 1, 0, 0, 10, 10);   // width 7.07
        rectangle(m, 1, 20, 0, 20, 20);  // width 14.1
        rectangle(m, 1, 50, 50, 4, 4);   // width 2.8
        m[SIZE * 40 + 40] = 1;           // one pixel: a speck
        assertEquals(100 / Math.hypot(10, 10), DefectWidths.narrowestClass(List.of(m), SIZE, 1), 1e-9);
    }

    private static SegmentationConfig config(int[] channels, boolean fitToWidths) {
        return new SegmentationConfig(1, SIZE, channels, 10, 4, 2e-3, Augmenter.standard(), 0.25, fitToWidths,
                fitToWidths, 0, 0);
    }

    @Test
    void onlyWideDefectsEverywhereGetALevelMoreAndOnlyThinOnesMoreEpochs() {
        int[] four = {8, 16, 16, 24};
        byte[] blobs = mask();
        rectangle(blobs, 1, 10, 10, 12, 12);
        rectangle(blobs, 2, 30, 30, 10, 16);
        DefectWidths.Plan wide = DefectWidths.plan(config(four, true), List.of(blobs), 2);
        assertArrayEquals(new int[] {8, 16, 16, 24, 36}, wide.channels());
        assertEquals(10, wide.epochs(), "wide defects train the configured epochs");
        DefectWidths.Plan off = DefectWidths.plan(config(four, false), List.of(blobs), 2);
        assertArrayEquals(four, off.channels(), "not when switched off");
        byte[] withScratch = blobs.clone();
        rectangle(withScratch, 3, 0, 60, 50, 2);
        DefectWidths.Plan thin = DefectWidths.plan(config(four, true), List.of(withScratch), 3);
        assertArrayEquals(four, thin.channels(), "one thin class keeps the grid fine");
        assertEquals(10 * DefectWidths.THIN_EPOCH_FACTOR, thin.epochs(), "and trains longer");
        assertEquals(10, DefectWidths.plan(config(four, false), List.of(withScratch), 3).epochs(),
                "not when switched off");
        assertEquals(10, DefectWidths.plan(config(four, true).withEpochs(10), List.of(withScratch), 3).epochs(),
                "nor when the epochs are set");
        DefectWidths.Plan none = DefectWidths.plan(config(four, true), List.of(mask()), 2);
        assertArrayEquals(four, none.channels(), "no defects: as configured");
        assertEquals(10, none.epochs(), "no defects: as configured");
        int[] five = {4, 4, 4, 4, 4};
        assertArrayEquals(five, DefectWidths.plan(config(five, true), List.of(blobs), 2).channels(),
                "a sixth level would leave a 2x2 grid of 64 px");
    }
}
