package dev.loupe.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct forward pass and the training graph compute the same function. */
class ForwardPassTest {
    @Test
    void forwardPassMatchesTheTrainingGraphBeforeAndAfterTraining() {
        Architecture a = new Architecture(32, new int[] {4, 8, 8}, 1);
        int n = 4;
        int plane = 3 * 32 * 32;
        float[] batch = new float[n * plane];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) r.nextDouble(-1, 1);
        }
        try (TrainingGraph g = new TrainingGraph(NetworkWeights.initial(a, 5), 0.01)) {
            for (int round = 0; round < 2; round++) {
                double[] expected = g.logits(batch, n);
                List<float[]> images = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    images.add(java.util.Arrays.copyOfRange(batch, i * plane, (i + 1) * plane));
                }
                // Folded with this very batch's statistics, the plain forward pass equals the graph.
                try (ForwardPass f = new ForwardPass(g.foldedWeights(images))) {
                    for (int i = 0; i < n; i++) {
                        float[] one = new float[plane];
                        System.arraycopy(batch, i * plane, one, 0, plane);
                        ForwardPass.Output o = f.forward(one, true);
                        assertEquals(expected[i], a.imageScore(o.logits()), 1e-4, "image " + i + " round " + round);
                        assertEquals(8 * 8 * 8, o.features().length);
                    }
                }
                g.step(batch, new float[] {0, 1, 0, 1}, new float[] {1, 1, 1, 1}, false);
            }
        }
    }

    @Test
    void closedPassesRefuseWork() {
        Architecture a = new Architecture(16, new int[] {2}, 0);
        ForwardPass f = new ForwardPass(NetworkWeights.initial(a, 1));
        f.close();
        assertThrows(IllegalStateException.class, () -> f.forward(new float[3 * 16 * 16], false));
    }

    @Test
    void imageScoreIsASmoothMaximumInsideTheMargin() {
        Architecture a = new Architecture(16, new int[] {2, 2, 2}, 1); // 4x4 map, 2x2 inside
        float[] cells = new float[16];
        cells[0] = 100; // outside the margin: ignored
        cells[5] = 2;
        cells[6] = 2;
        cells[9] = 2;
        cells[10] = 2;
        assertEquals(2.0, a.imageScore(cells), 1e-9);
        cells[5] = 10;
        double s = a.imageScore(cells);
        assertEquals(10 + Math.log((1 + 3 * Math.exp(-8)) / 4), s, 1e-9);
    }
}
