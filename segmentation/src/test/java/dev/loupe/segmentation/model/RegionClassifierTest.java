package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.segmentation.network.SegmentationArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegionClassifierTest {
    /** Descriptors around a centre: a scratch is long and thin, dark or bright; a crack long, thin and darker. */
    private static double[] region(double elongation, double contrast, SplittableRandom r) {
        return new double[] {-6 + r.nextGaussian() * 0.5, elongation + r.nextGaussian() * 0.3, -4 + r.nextGaussian() * 0.3,
            contrast + r.nextGaussian() * 0.05, r.nextGaussian() * 0.01, r.nextGaussian() * 0.01};
    }

    /** Class 1: scratches, half dark (-0.8) and half bright (+0.8); class 2: cracks, darker (-1.2). */
    private static RegionClassifier scratchesAndCracks() {
        SplittableRandom r = new SplittableRandom(7);
        List<double[]> scratches = new ArrayList<>();
        List<double[]> cracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scratches.add(region(2, i % 2 == 0 ? -0.8 : 0.8, r));
            cracks.add(region(1.8, -1.2, r));
        }
        return RegionClassifier.gaussians(List.of(scratches, cracks));
    }

    @Test
    void theDarknessAgainstTheSurroundingsTellsDarkScratchesFromCracks() {
        RegionClassifier c = scratchesAndCracks();
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 20; i++) {
            double[] darkScratch = c.logPosterior(region(2, -0.8, r));
            double[] crack = c.logPosterior(region(1.8, -1.2, r));
            double[] brightScratch = c.logPosterior(region(2, 0.8, r));
            assertTrue(darkScratch[0] > darkScratch[1], Arrays.toString(darkScratch));
            assertTrue(crack[1] > crack[0], Arrays.toString(crack));
            assertTrue(brightScratch[0] > brightScratch[1], Arrays.toString(brightScratch));
        }
        // The posteriors are normalised.
        double[] p = c.logPosterior(region(2, -0.8, r));
        assertEquals(1, Math.exp(p[0]) + Math.exp(p[1]), 1e-9);
    }

    @Test
    void aPolarityAClassNeverShowedIsUnlikelyForItButNotImpossible() {
        RegionClassifier c = scratchesAndCracks();
        // Row 3 is class 2 (cracks) bright: no training region, Laplace's share of 1 in 12.
        assertEquals(Math.log(1.0 / 12), c.logPriors()[3], 1e-12);
        assertEquals(Math.log(11.0 / 12), c.logPriors()[2], 1e-12);
        assertEquals(Math.log(6.0 / 12), c.logPriors()[0], 1e-12);
    }

    @Test
    void anotherWeightKeepsTheGaussiansAndZeroIsRefused() {
        RegionClassifier c = scratchesAndCracks();
        assertEquals(1, c.weight());
        assertEquals(new RegionClassifier(c.means(), c.variances(), c.logPriors(), 2), c.withWeight(2));
        // Fitted Gaussians at weight 0 would be a classifier that is there and counts for nothing.
        assertThrows(IllegalArgumentException.class, () -> c.withWeight(0));
    }

    @Test
    void theNetworksShareAndTheClassifierAreWeighed() {
        double[] shares = {0.7, 0.3};
        double[] logPosterior = {Math.log(0.05), Math.log(0.95)};
        assertEquals(1, RegionClassifier.choose(shares, logPosterior, 0));
        assertEquals(1, RegionClassifier.choose(shares, logPosterior, 0.25));
        assertEquals(2, RegionClassifier.choose(shares, logPosterior, 1));
    }

    @Test
    void theWeightIsOneUnlessAnotherScoresHigherAndNeverZero() {
        // The network says class 1 for a region of class 2 pixels; the classifier says 2.
        RegionClassifier.Judged fixable = new RegionClassifier.Judged(new double[] {0.7, 0.3},
                new double[] {Math.log(0.05), Math.log(0.95)}, new long[] {0, 40});
        RegionClassifier.Judged right = new RegionClassifier.Judged(new double[] {0.9, 0.1},
                new double[] {Math.log(0.6), Math.log(0.4)}, new long[] {30, 0});
        assertEquals(1, RegionClassifier.bestWeight(List.of(fixable, right), 2));
        // Nothing to judge by (all right either way): the plain product.
        assertEquals(1, RegionClassifier.bestWeight(List.of(right), 2));
        // The classifier wrongly overrules the network at every weight tried: still on at 1, since
        // three or four validation regions per class are too few to switch it off.
        RegionClassifier.Judged misled = new RegionClassifier.Judged(new double[] {0.9, 0.1},
                new double[] {Math.log(1e-9), Math.log(1 - 1e-9)}, new long[] {50, 0});
        RegionClassifier.Judged other = new RegionClassifier.Judged(new double[] {0.01, 0.99},
                new double[] {Math.log(0.5), Math.log(0.5)}, new long[] {0, 50});
        assertEquals(1, RegionClassifier.bestWeight(List.of(misled, other), 2));
        // Only a small weight keeps the network's confident call: the smallest such weight.
        RegionClassifier.Judged leaning = new RegionClassifier.Judged(new double[] {0.9, 0.1},
                new double[] {Math.log(0.05), Math.log(0.95)}, new long[] {50, 0});
        assertEquals(0.25, RegionClassifier.bestWeight(List.of(leaning, other), 2));
    }

    @Test
    void relabelGivesAWholeRegionTheClassBothOpinionsAgreeOn() {
        SegmentationArchitecture a = new SegmentationArchitecture(32, new int[] {4, 8}, 2);
        int plane = 32 * 32;
        // The network leans to class 1 everywhere (background 0.1, class 1 0.5, class 2 0.4).
        float[] p = new float[3 * plane];
        Arrays.fill(p, 0, plane, 0.1f);
        Arrays.fill(p, plane, 2 * plane, 0.5f);
        Arrays.fill(p, 2 * plane, 3 * plane, 0.4f);
        int[] line = DefectRegionsTest.row(20, 10, 40);
        // A line of 45 on 150 is a ratio of log(50 / 155) = -1.13: a crack's, not a dark scratch's.
        byte[] classes = DefectRegionsTest.classes(line, 1);
        scratchesAndCracks().relabel(DefectRegionsTest.image(line, 45), classes, p, a);
        assertTrue(Arrays.stream(line).allMatch(o -> classes[o] == 2), "the line became a crack");
        assertEquals(line.length, countNonZero(classes), "background stays background");
        // A line of 70 (ratio -0.71) is a dark scratch: it keeps class 1.
        byte[] lighter = DefectRegionsTest.classes(line, 1);
        scratchesAndCracks().relabel(DefectRegionsTest.image(line, 70), lighter, p, a);
        assertTrue(Arrays.stream(line).allMatch(o -> lighter[o] == 1));
    }

    private static long countNonZero(byte[] classes) {
        long n = 0;
        for (byte b : classes) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void noneIsInactiveAndMalformedClassifiersAreRefused() {
        assertFalse(RegionClassifier.NONE.active());
        assertEquals(0, RegionClassifier.NONE.classes());
        double[][] one = {new double[DefectRegions.FEATURES], new double[DefectRegions.FEATURES]};
        double[][] ones = {filled(1), filled(1)};
        assertTrue(new RegionClassifier(one, ones, new double[] {-1, -1}, 1).active());
        // Two rows (one class) with a weight of 0, or no rows with a positive one.
        assertThrows(IllegalArgumentException.class, () -> new RegionClassifier(one, ones, new double[] {-1, -1}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RegionClassifier(new double[0][], new double[0][], new double[0], 1));
        // A zero variance, a positive log prior, an odd number of rows.
        assertThrows(IllegalArgumentException.class,
                () -> new RegionClassifier(one, new double[][] {filled(1), filled(0)}, new double[] {-1, -1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegionClassifier(one, ones, new double[] {-1, 0.5}, 1));
        assertThrows(IllegalArgumentException.class, () -> new RegionClassifier(new double[][] {filled(0)},
                new double[][] {filled(1)}, new double[] {-1}, 1));
    }

    private static double[] filled(double v) {
        double[] a = new double[DefectRegions.FEATURES];
        Arrays.fill(a, v);
        return a;
    }
}
