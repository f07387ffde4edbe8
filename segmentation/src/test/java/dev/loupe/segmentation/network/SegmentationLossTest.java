package dev.loupe.segmentation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training loss equals a plain reference computed from the graph's own probabilities:
 * weighted cross-entropy, plus half the "any anomaly" soft Dice, plus half the mean soft Dice of
 * the anomaly classes the batch shows.
 */
class SegmentationLossTest {
    private static final int SIZE = 32;
    private static final int PIXELS = SIZE * SIZE;

    @Test
    void aClassTheBatchLacksLeavesTheClassDiceMean() {
        // Three anomaly classes; the batch shows only class 1.
        assertLossMatchesReference(3, new int[] {1, 1});
    }

    @Test
    void everyClassShownCountsOnce() {
        assertLossMatchesReference(3, new int[] {1, 3});
    }

    @Test
    void aBatchOfNormalImagesHasNoClassDice() {
        assertLossMatchesReference(2, new int[] {0, 0});
    }

    @Test
    void oneAnomalyClassUsesTheAnyAnomalyDiceAlone() {
        assertLossMatchesReference(1, new int[] {1, 0});
    }

    /** {@code painted[i]}: the class painted on a stripe of image i, 0 for none. */
    private static void assertLossMatchesReference(int classes, int[] painted) {
        SegmentationArchitecture a = new SegmentationArchitecture(SIZE, new int[] {4, 6}, classes);
        int n = painted.length;
        int k = a.outputs();
        SplittableRandom r = new SplittableRandom(11);
        float[] images = new float[n * 3 * PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) r.nextDouble(-1, 1);
        }
        float[] targets = new float[n * k * PIXELS];
        float[] weights = new float[n * PIXELS];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < PIXELS; p++) {
                int c = painted[i] != 0 && p / SIZE >= 10 && p / SIZE < 13 ? painted[i] : 0;
                targets[(i * k + c) * PIXELS + p] = 1;
                weights[i * PIXELS + p] = (float) r.nextDouble(0.5, 2);
            }
        }
        try (SegmentationGraph g = new SegmentationGraph(SegmentationWeights.initial(a, 5), 0.01)) {
            double[][] probabilities = new double[n][];
            for (int i = 0; i < n; i++) {
                float[] one = new float[3 * PIXELS];
                System.arraycopy(images, i * 3 * PIXELS, one, 0, one.length);
                float[] p = g.probabilities(one);
                probabilities[i] = new double[p.length];
                for (int j = 0; j < p.length; j++) {
                    probabilities[i][j] = p[j];
                }
            }
            double expected = reference(probabilities, targets, weights, k);
            assertEquals(expected, g.step(images, targets, weights, n, true), 1e-4);
        }
    }

    private static double reference(double[][] p, float[] t, float[] w, int k) {
        int n = p.length;
        double crossEntropy = 0;
        double weightSum = 0;
        double anyOverlap = 0;
        double anyPredicted = 0;
        double anyTruth = 0;
        double[] overlap = new double[k];
        double[] predicted = new double[k];
        double[] truth = new double[k];
        for (int i = 0; i < n; i++) {
            for (int px = 0; px < PIXELS; px++) {
                double weight = w[i * PIXELS + px];
                weightSum += weight;
                for (int c = 0; c < k; c++) {
                    double target = t[(i * k + c) * PIXELS + px];
                    double prob = p[i][c * PIXELS + px];
                    crossEntropy -= weight * target * Math.log(prob);
                    overlap[c] += prob * target;
                    predicted[c] += prob;
                    truth[c] += target;
                }
                double anomaly = 1 - p[i][px];
                double anomalyTruth = 1 - t[(i * k) * PIXELS + px];
                anyOverlap += anomaly * anomalyTruth;
                anyPredicted += anomaly;
                anyTruth += anomalyTruth;
            }
        }
        double anyDice = 1 - (2 * anyOverlap + 1) / (anyPredicted + anyTruth + 1);
        double loss = crossEntropy / weightSum;
        if (k == 2) {
            return loss + anyDice;
        }
        double classDice = 0;
        int shown = 0;
        for (int c = 1; c < k; c++) {
            if (truth[c] > 0) {
                classDice += 1 - (2 * overlap[c] + 1) / (predicted[c] + truth[c] + 1);
                shown++;
            }
        }
        return loss + 0.5 * anyDice + 0.5 * (shown == 0 ? 0 : classDice / shown);
    }
}
