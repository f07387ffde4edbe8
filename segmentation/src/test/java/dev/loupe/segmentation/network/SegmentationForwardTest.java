package dev.loupe.segmentation.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Detection's direct forward pass computes what the training graph computes. */
class SegmentationForwardTest {
    @Test
    void probabilitiesMatchTheTrainingGraphBeforeAndAfterTrainingSteps() {
        SegmentationArchitecture a = new SegmentationArchitecture(32, new int[] {4, 6, 8}, 2);
        int plane = 3 * 32 * 32;
        int pixels = 32 * 32;
        SplittableRandom r = new SplittableRandom(7);
        float[] image = new float[plane];
        for (int i = 0; i < plane; i++) {
            image[i] = (float) r.nextDouble(-1, 1);
        }
        float[] target = new float[a.outputs() * pixels];
        float[] weight = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            target[(p % 7 == 0 ? 1 + p % 2 : 0) * pixels + p] = 1;
            weight[p] = 1;
        }
        try (SegmentationGraph g = new SegmentationGraph(SegmentationWeights.initial(a, 3), 0.01)) {
            for (int round = 0; round < 3; round++) {
                float[] expected = g.probabilities(image);
                try (SegmentationForward f = new SegmentationForward(g.weights())) {
                    float[] actual = f.probabilities(image);
                    assertEquals(expected.length, actual.length);
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-5, "value " + i + " after " + round + " steps");
                    }
                    for (int p = 0; p < pixels; p += 97) {
                        double sum = 0;
                        for (int c = 0; c < a.outputs(); c++) {
                            sum += actual[c * pixels + p];
                        }
                        assertEquals(1, sum, 1e-5, "probabilities of pixel " + p);
                    }
                }
                g.step(image, target, weight, 1, false);
            }
        }
    }

    @Test
    void refusesWrongInputsAndWorkAfterClose() {
        SegmentationArchitecture a = new SegmentationArchitecture(32, new int[] {2, 2}, 1);
        SegmentationForward f = new SegmentationForward(SegmentationWeights.initial(a, 1));
        assertThrows(IllegalArgumentException.class, () -> f.probabilities(new float[10]));
        f.close();
        assertThrows(IllegalStateException.class, () -> f.probabilities(new float[3 * 32 * 32]));
    }
}
