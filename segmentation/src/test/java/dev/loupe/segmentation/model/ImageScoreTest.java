package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loupe.segmentation.network.SegmentationArchitecture;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The image score: the mean of the top 0.2 % anomaly probabilities, against a naive reference. */
class ImageScoreTest {
    @Test
    void equalsTheMeanOfTheSortedTopShareToTheBit() {
        SegmentationArchitecture a = new SegmentationArchitecture(64, new int[] {4, 8}, 1);
        int plane = 64 * 64;
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            float[] p = new float[2 * plane];
            for (int i = 0; i < plane; i++) {
                // Mostly confident background, some ties, a few anomalous pixels.
                p[i] = random.nextInt(10) == 0 ? (float) random.nextDouble() : 1 - random.nextInt(3) * 0.001f;
            }
            float[] anomaly = new float[plane];
            for (int i = 0; i < plane; i++) {
                anomaly[i] = 1 - p[i];
            }
            Arrays.sort(anomaly);
            int k = Math.max(8, (int) Math.ceil(plane * SegmentationDetector.TOP_SHARE));
            double sum = 0;
            for (int i = plane - k; i < plane; i++) {
                sum += anomaly[i];
            }
            assertEquals(sum / k, SegmentationDetector.imageScore(p, a), 0.0, "trial " + trial);
        }
    }
}
