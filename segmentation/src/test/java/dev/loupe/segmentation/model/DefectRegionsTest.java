package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.image.RgbImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefectRegionsTest {
    static final int SIZE = 64;
    static final int GREY = 150;

    /** A grey image with the given pixels set to a grey level. */
    static RgbImage image(int[] pixels, int level) {
        byte[] rgb = new byte[SIZE * SIZE * 3];
        Arrays.fill(rgb, (byte) GREY);
        for (int o : pixels) {
            Arrays.fill(rgb, o * 3, o * 3 + 3, (byte) level);
        }
        return RgbImage.of(SIZE, SIZE, rgb);
    }

    static int[] row(int y, int from, int to) {
        return java.util.stream.IntStream.range(from, to).map(x -> y * SIZE + x).toArray();
    }

    static byte[] classes(int[] pixels, int c) {
        byte[] map = new byte[SIZE * SIZE];
        for (int o : pixels) {
            map[o] = (byte) c;
        }
        return map;
    }

    @Test
    void aDarkLineIsLongThinAndDarkerThanItsSurroundings() {
        int[] line = row(20, 10, 40);
        List<DefectRegions.Region> regions = DefectRegions.find(image(line, 45), classes(line, 1));
        assertEquals(1, regions.size());
        DefectRegions.Region r = regions.get(0);
        assertEquals(1, r.classIndex());
        assertEquals(30, r.pixels().length);
        double[] f = r.features();
        assertEquals(Math.log(30.0 / (SIZE * SIZE)), f[0], 1e-9);
        assertTrue(f[1] > 2, "elongation " + f[1]);
        assertEquals(Math.log((45 + 5.0) / (GREY + 5.0)), f[DefectRegions.CONTRAST], 1e-9);
        assertEquals(0, f[4], 1e-9, "a grey line on grey has no tint");
    }

    @Test
    void aBrightDiscIsRoundAndBrighter() {
        int[] disc = java.util.stream.IntStream.range(0, SIZE * SIZE)
                .filter(o -> Math.hypot(o % SIZE - 32, o / SIZE - 32) <= 5).toArray();
        DefectRegions.Region r = DefectRegions.find(image(disc, 230), classes(disc, 2)).get(0);
        assertTrue(r.features()[1] < 0.2, "elongation " + r.features()[1]);
        assertTrue(r.features()[DefectRegions.CONTRAST] > 0.3);
        assertEquals(1, RegionClassifier.polarity(r.features()));
    }

    @Test
    void theContrastIsTheLinesEvenWhenTheRegionIsTwiceAsWide() {
        // Detection often outlines a line with a pixel of background on each side.
        int[] line = row(20, 10, 40);
        int[] outline = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                Arrays.stream(row(19, 10, 40)), Arrays.stream(line)), Arrays.stream(row(21, 10, 40))).toArray();
        double c = DefectRegions.find(image(line, 45), classes(outline, 1)).get(0).features()[DefectRegions.CONTRAST];
        // The darkest half (45 pixels): the 30 of the line and 15 of the background beside it, where
        // the mean of all 90 would have diluted the line's ratio three times.
        assertEquals(30 * Math.log((45 + 5.0) / (GREY + 5.0)) / 45, c, 1e-9);
    }

    @Test
    void regionsAreEightConnectedPerClassAndTinyOnesAreLeftOut() {
        byte[] map = new byte[SIZE * SIZE];
        for (int i = 0; i < 10; i++) {
            map[(5 + i) * SIZE + 5 + i] = 1; // a diagonal: one region
        }
        for (int x = 30; x < 40; x++) {
            map[50 * SIZE + x] = (byte) (x < 35 ? 1 : 2); // touching, but two classes: two regions
        }
        map[60 * SIZE + 60] = 1; // one pixel: too small to describe
        map[60 * SIZE + 61] = 1;
        List<DefectRegions.Region> regions = DefectRegions.find(image(new int[0], 0), map);
        assertEquals(List.of(10, 5, 5), regions.stream().map(r -> r.pixels().length).toList());
        assertEquals(List.of(1, 1, 2), regions.stream().map(DefectRegions.Region::classIndex).toList());
    }

    @Test
    void aClassMapOfAnotherSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DefectRegions.find(image(new int[0], 0), new byte[10]));
    }
}
