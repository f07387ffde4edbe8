package dev.loupe.segmentation.model;

import static dev.loupe.segmentation.model.PixelThresholds.BINS;
import static dev.loupe.segmentation.model.PixelThresholds.bin;
import static dev.loupe.segmentation.model.PixelThresholds.threshold;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pixel thresholds of maximum F1, from probability histograms as the trainer counts them. */
class PixelThresholdTest {

    @Test
    void theThresholdSeparatesWherePrecisionAndRecallBalance() {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        positives[bin(0.8f)] = 90;      // most class pixels are confident
        positives[bin(0.3f)] = 10;      // a faint tail
        negatives[bin(0.5f)] = 200;     // confusable pixels between them
        negatives[bin(0.05f)] = 100_000; // the background
        // Calling from 0.8's bin up: tp 90, fp 0, fn 10: F1 0.947; from 0.3's bin up adds 200 false positives.
        double t = PixelThresholds.pixelThreshold(positives, negatives, 100);
        assertEquals(threshold(bin(0.8f)), t, 1e-12);
        assertTrue(t > 0.5 && t <= 0.8, "between the confusable pixels and the class: " + t);
    }

    @Test
    void confidentNetworksGetThresholdsPastNinetyNinePercent() {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        positives[bin(0.9999f)] = 100;
        negatives[bin(0.999f)] = 100; // the fringe of every defect, which weighted training calls anomalous too
        negatives[bin(0.01f)] = 100_000;
        double t = PixelThresholds.pixelThreshold(positives, negatives, 100);
        assertTrue(t > 0.999 && t <= 0.9999, "threshold " + t);
    }

    @Test
    void pixelsNoBinHoldsStillCountAsMissed() {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        positives[bin(0.6f)] = 10;
        negatives[bin(0.4f)] = 5;
        // 90 more pixels of the class have another class as the most probable: they count as missed
        // (F1 20 / (20 + 90) = 0.18 at 0.6's bin, 0.17 with the 5 negatives of 0.4's bin).
        assertEquals(threshold(bin(0.6f)), PixelThresholds.pixelThreshold(positives, negatives, 100), 1e-12);
        assertEquals(0.5, PixelThresholds.pixelThreshold(new long[BINS], negatives, 0), 1e-9,
                "no positive pixel: the neutral threshold");
    }

    @Test
    void binsCoverTheWholeProbabilityRange() {
        assertEquals(0, bin(0f));
        assertEquals(BINS - 1, bin(1f));
        assertEquals(0, bin(-1e-7f), "rounding under 0");
        assertEquals(BINS - 1, bin(1.0000001f), "rounding over 1");
        for (float p : new float[] {1e-4f, 0.1f, 0.5f, 0.9f, 0.999f, 0.99999f}) {
            int b = bin(p);
            assertTrue(threshold(b) <= p + 1e-7 && p < threshold(b + 1) + 1e-7, p + " lies in its bin " + b);
        }
        assertTrue(bin(0.999f) > bin(0.99f) && bin(0.99f) > bin(0.98f), "the top of the range is resolved");
    }

    @Test
    void aRegionClassifiersThresholdsJudgeAnomalousOrNotAlone() {
        PixelThresholds pixels = new PixelThresholds(2);
        // Pixels whose most probable anomaly class is 1: 100 of class 1 at 0.95, 100 of class 2 at
        // 0.7 (the network's class is wrong, a region classifier may set it right), 1000 of
        // background at 0.3.
        pixels.add(classes(100, 1), probabilities(100, 0.95f), classes(100, 1));
        pixels.add(classes(100, 2), probabilities(100, 0.7f), classes(100, 1));
        pixels.add(classes(1000, 0), probabilities(1000, 0.3f), classes(1000, 1));
        assertEquals(threshold(bin(0.95f)), pixels.networkClasses()[0], 1e-12,
                "where the network's class stands, the class-2 pixels are false calls of class 1");
        assertEquals(threshold(bin(0.7f)), pixels.regionClasses()[0], 1e-12,
                "where a region classifier settles the class, they are defects to find");
        assertEquals(threshold(bin(0.7f)), pixels.regionClasses()[1], 1e-12,
                "a class the network never calls gets the any-class threshold");
    }

    @Test
    void oneClassGetsTheSameThresholdsEitherWay() {
        SplittableRandom random = new SplittableRandom(7);
        PixelThresholds pixels = new PixelThresholds(1);
        int n = 5_000;
        byte[] truth = new byte[n];
        float[] anomaly = new float[n];
        for (int k = 0; k < n; k++) {
            truth[k] = (byte) (random.nextDouble() < 0.1 ? 1 : 0);
            anomaly[k] = (float) Math.min(1, random.nextDouble() * 0.6 + (truth[k] == 1 ? 0.4 : 0));
        }
        pixels.add(truth, anomaly, classes(n, 1));
        assertArrayEquals(pixels.networkClasses(), pixels.regionClasses(), 0);
    }

    private static byte[] classes(int n, int value) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) value);
        return a;
    }

    private static float[] probabilities(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
