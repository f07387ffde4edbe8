package dev.loupe.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final int SIZE = 64;
    private static final int PLANE = SIZE * SIZE;

    /**
     * Where an off-centre block lands, as the side of the image it lies towards, over many seeds;
     * and checks on the way that the mask moved exactly with the image.
     */
    private static Set<String> sidesReached(Augmenter augmenter) {
        float[] image = new float[3 * PLANE];
        byte[] mask = new byte[PLANE];
        for (int y = 24; y < 40; y++) {
            for (int x = 4; x < 16; x++) {
                mask[y * SIZE + x] = 1;
                for (int ch = 0; ch < 3; ch++) {
                    image[ch * PLANE + y * SIZE + x] = 1;
                }
            }
        }
        Set<String> sides = new TreeSet<>();
        for (long seed = 0; seed < 64; seed++) {
            float[] outImage = new float[3 * PLANE];
            byte[] outMask = new byte[PLANE];
            augmenter.apply(image, outImage, mask, outMask, SIZE, new SplittableRandom(seed));
            int disagree = 0;
            int area = 0;
            double cx = 0;
            double cy = 0;
            for (int p = 0; p < PLANE; p++) {
                boolean inMask = outMask[p] == 1;
                // The image is interpolated and the mask sampled: they may differ on the block's edge only.
                if (inMask != outImage[p] > 0.5f) {
                    disagree++;
                }
                if (inMask) {
                    area++;
                    cx += p % SIZE;
                    cy += p / SIZE;
                }
            }
            assertTrue(disagree <= 0.1 * area, "seed " + seed + ": " + disagree + " of " + area + " pixels disagree");
            double dx = cx / area - (SIZE - 1) / 2.0;
            double dy = cy / area - (SIZE - 1) / 2.0;
            sides.add(Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? "left" : "right") : (dy < 0 ? "top" : "bottom"));
        }
        return sides;
    }

    @Test
    void quarterTurnsMoveTheMaskWithTheImageToEverySide() {
        assertEquals(Set.of("bottom", "left", "right", "top"), sidesReached(new Augmenter(true, false, true)));
    }

    @Test
    void withoutQuarterTurnsTheBlockOnlyMirrors() {
        assertEquals(Set.of("left", "right"), sidesReached(new Augmenter(true, false, false)));
    }
}
