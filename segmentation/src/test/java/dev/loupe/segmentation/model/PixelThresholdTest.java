package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The pixel thresholds of maximum F1, from probability histograms as the trainer counts them. */
class PixelThresholdTest {
    private static final int BINS = 100;

    @Test
    void theThresholdSeparatesWherePrecisionAndRecallBalance() {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        positives[80] = 90;      // most class pixels are confident
        positives[30] = 10;      // a faint tail
        negatives[50] = 200;     // confusable pixels between them
        negatives[5] = 100_000;  // the background
        // Calling from bin 80 up: tp 90, fp 0, fn 10: F1 0.947; from bin 30 up adds 200 false positives.
        assertEquals(0.80, SegmentationTrainer.pixelThreshold(positives, negatives, 100), 1e-9);
    }

    @Test
    void pixelsNoBinHoldsStillCountAsMissed() {
        long[] positives = new long[BINS];
        long[] negatives = new long[BINS];
        positives[60] = 10;
        negatives[40] = 5;
        // 90 more pixels of the class have another class as the most probable: they count as missed
        // (F1 20 / (20 + 90) = 0.18 at bin 60, 0.17 with the 5 negatives of bin 40).
        assertEquals(0.60, SegmentationTrainer.pixelThreshold(positives, negatives, 100), 1e-9);
        assertEquals(0.5, SegmentationTrainer.pixelThreshold(new long[BINS], negatives, 0), 1e-9,
                "no positive pixel: the neutral threshold");
    }
}
