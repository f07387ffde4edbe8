package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DefectPasteTest {
    private static final int SIZE = 8;
    private static final int PLANE = SIZE * SIZE;

    /** An image whose every value names its image, channel and pixel, so any copy can be traced. */
    private static float[] image(int id) {
        float[] v = new float[3 * PLANE];
        for (int i = 0; i < v.length; i++) {
            v[i] = id * 1000 + i;
        }
        return v;
    }

    /** A mask with class {@code c} on the given pixels. */
    private static byte[] mask(int c, int... pixels) {
        byte[] m = new byte[PLANE];
        for (int p : pixels) {
            m[p] = (byte) c;
        }
        return m;
    }

    @Test
    void pastesOneClassOfADonorWithItsPixelsAtTheSamePlaceOrMirrored() {
        // Donor 0 shows class 1 at (x 1, y 2) and (x 2, y 2), and class 2 at (x 6, y 6); image 1 is normal.
        byte[] donorMask = mask(1, 2 * SIZE + 1, 2 * SIZE + 2);
        donorMask[6 * SIZE + 6] = 2;
        DefectPaste paste = new DefectPaste(1.0, List.of(image(0), image(1)), List.of(donorMask, new byte[PLANE]), 2);
        SplittableRandom random = new SplittableRandom(7);
        int straight = 0;
        int mirrored = 0;
        int[] pastedClass = new int[3];
        for (int trial = 0; trial < 200; trial++) {
            float[] recipient = image(1);
            byte[] recipientMask = new byte[PLANE];
            DefectPaste.Sample s = paste.apply(recipient, recipientMask, SIZE, random);
            assertArrayEquals(image(1), recipient, "the recipient itself is left alone");
            assertArrayEquals(new byte[PLANE], recipientMask);
            int changed = 0;
            for (int p = 0; p < PLANE; p++) {
                if (s.mask()[p] == 0) {
                    for (int ch = 0; ch < 3; ch++) {
                        assertEquals(1000f + ch * PLANE + p, s.image()[ch * PLANE + p], "unlabelled pixel " + p + " changed");
                    }
                    continue;
                }
                changed++;
                int y = p / SIZE;
                int x = p % SIZE;
                int source = (int) s.image()[p]; // the donor is image 0: its channel 0 holds the pixel's index
                assertTrue(source == p || source == y * SIZE + (SIZE - 1 - x), "pixel " + p + " came from " + source);
                assertEquals(donorMask[source], s.mask()[p], "the mask follows the pixels");
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals((float) (ch * PLANE + source), s.image()[ch * PLANE + p], "channel " + ch);
                }
                pastedClass[s.mask()[p]]++;
                if (source == p) {
                    straight++;
                } else {
                    mirrored++;
                }
            }
            // One class at a time: both class-1 pixels, or the one class-2 pixel.
            assertTrue(changed == 1 || changed == 2, "pasted " + changed + " pixels");
        }
        assertTrue(straight > 0 && mirrored > 0, straight + " straight, " + mirrored + " mirrored");
        assertTrue(pastedClass[1] > 0 && pastedClass[2] > 0, "both classes pasted");
    }

    @Test
    void drawsEachClassAsOftenWhateverHowManyImagesShowIt() {
        // Class 1 on nine images, class 2 on one.
        List<float[]> inputs = new ArrayList<>();
        List<byte[]> masks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(image(i));
            masks.add(mask(i < 9 ? 1 : 2, 10 + i));
        }
        DefectPaste paste = new DefectPaste(1.0, inputs, masks, 2);
        SplittableRandom random = new SplittableRandom(11);
        int rare = 0;
        int n = 2000;
        for (int trial = 0; trial < n; trial++) {
            for (byte b : paste.apply(image(0), new byte[PLANE], SIZE, random).mask()) {
                if (b == 2) {
                    rare++;
                }
            }
        }
        assertEquals(0.5, rare / (double) n, 0.05, "share of pastes of the class one image shows");
    }

    @Test
    void pastesAtItsRateFromItsStreamAndNothingWithoutDefects() {
        List<float[]> inputs = List.of(image(0), image(1));
        DefectPaste paste = new DefectPaste(0.3, inputs, List.of(mask(1, 5), new byte[PLANE]), 1);
        int pasted = 0;
        for (int trial = 0; trial < 2000; trial++) {
            float[] recipient = image(1);
            if (paste.apply(recipient, new byte[PLANE], SIZE, new SplittableRandom(trial)).image() != recipient) {
                pasted++;
            }
        }
        assertEquals(0.3, pasted / 2000.0, 0.04);

        DefectPaste.Sample a = paste.apply(image(1), new byte[PLANE], SIZE, new SplittableRandom(3));
        DefectPaste.Sample b = paste.apply(image(1), new byte[PLANE], SIZE, new SplittableRandom(3));
        assertArrayEquals(a.image(), b.image(), "the same stream gives the same paste");
        assertArrayEquals(a.mask(), b.mask());

        float[] normal = image(1);
        DefectPaste none = new DefectPaste(1.0, inputs, List.of(new byte[PLANE], new byte[PLANE]), 2);
        assertSame(normal, none.apply(normal, new byte[PLANE], SIZE, new SplittableRandom(1)).image(),
                "no defect to paste");
    }

    @Test
    void isOptInAndItsRateIsAChance() {
        assertEquals(0, SegmentationConfig.defaults().pasteRate());
        assertEquals(0.5, SegmentationConfig.defaults().withPasteRate(0.5).pasteRate());
        assertEquals(0.5, SegmentationConfig.defaults().withPasteRate(0.5).withSeed(3).withEpochs(2).pasteRate(),
                "kept through the other settings");
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> SegmentationConfig.defaults().withPasteRate(bad));
        }
    }
}
