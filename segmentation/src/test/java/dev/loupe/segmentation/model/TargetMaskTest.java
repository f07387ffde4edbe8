package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Masks shrunk to the network's size keep thin defects whole; masks at the image's size for judging. */
class TargetMaskTest {
    private static SegmentedImage withMask(int w, int h, byte[] classes) {
        LabeledImage image = new LabeledImage(ManifestEntry.of("a.png", Label.ANOMALY), RgbImage.of(w, h, new byte[w * h * 3]),
                "hash", Path.of("a.png"));
        return new SegmentedImage(image, Optional.of(ClassMask.of(w, h, classes)));
    }

    @Test
    void aOnePixelDiagonalCrackStaysUnbrokenAtAQuarterOfTheSize() {
        int w = 64;
        byte[] classes = new byte[w * w];
        for (int i = 0; i < w; i++) {
            classes[i * w + i] = 1;   // a crack one pixel wide, corner to corner
        }
        byte[] target = SegmentationTrainer.targetMask(withMask(w, w, classes), 16);
        for (int i = 0; i < 16; i++) {
            // Each 4x4 block on the diagonal holds 4 crack pixels: a quarter of it.
            assertEquals(1, target[i * 16 + i], "block " + i + " of the diagonal");
        }
        int marked = 0;
        for (byte b : target) {
            marked += b;
        }
        assertEquals(16, marked, "and nothing off the diagonal");
    }

    @Test
    void aBlockTakesItsMostFrequentAnomalyClassAndTooLittleIsBackground() {
        byte[] classes = new byte[4 * 4];
        classes[0] = 2;
        classes[1] = 2;
        classes[2] = 1;   // 3 of 16 anomalous: under a quarter
        assertEquals(0, SegmentationTrainer.targetMask(withMask(4, 4, classes), 1)[0]);
        classes[3] = 2;   // 4 of 16, class 2 three times
        assertEquals(2, SegmentationTrainer.targetMask(withMask(4, 4, classes), 1)[0]);
        assertEquals(0, SegmentationTrainer.targetMask(new SegmentedImage(withMask(4, 4, classes).image(), Optional.empty()),
                1)[0], "an image without a mask is all background");
    }

    @Test
    void eachBlockCountsOnlyItsOwnPixels() {
        byte[] classes = new byte[4 * 4];
        classes[0] = 2;
        classes[1] = 2;
        classes[4] = 2;
        classes[5] = 2;   // the top-left 2x2 block: all class 2
        classes[2] = 1;   // the top-right block: one pixel of class 1, a quarter of it
        byte[] target = SegmentationTrainer.targetMask(withMask(4, 4, classes), 2);
        assertEquals(2, target[0]);
        assertEquals(1, target[1], "the block before it must not lend its class 2 counts");
    }

    @Test
    void theTruthAtAnImagesSizeIsTheMaskResizedByNearestOrAllBackground() {
        byte[] classes = {0, 1, 2, 0};
        SegmentedImage i = withMask(2, 2, classes);
        assertArrayEquals(classes, i.maskAt(2, 2));
        assertArrayEquals(new byte[] {0, 0, 1, 1, 0, 0, 1, 1, 2, 2, 0, 0, 2, 2, 0, 0}, i.maskAt(4, 4));
        assertArrayEquals(new byte[6], new SegmentedImage(i.image(), Optional.empty()).maskAt(3, 2));
    }
}
