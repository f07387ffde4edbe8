package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationForward;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassOffsetsTest {
    /**
     * Three classes; the network under-scores class 1 (the "scratch") by 1.5 in log-probability,
     * so most of its pixels go to class 2 (the "crack"), as on the washers.
     */
    private static float[][] underScored(int[] truth, SplittableRandom r) {
        float[][] logP = new float[truth.length][3];
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < 3; c++) {
                double evidence = c == truth[i] ? 1.0 : 0.0;
                double bias = c == 1 ? -1.5 : 0;
                logP[i][c] = (float) (evidence + bias + r.nextDouble(-0.6, 0.6));
            }
        }
        return logP;
    }

    private static int[] truth(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 3;
        }
        return t;
    }

    @Test
    void handsAnUnderScoredClassItsPixelsBack() {
        int[] truth = truth(600);
        float[][] logP = underScored(truth, new SplittableRandom(1));
        double before = ClassOffsets.meanF1(logP, truth, new double[3]);
        double[] offsets = ClassOffsets.fit(logP, truth, 3);
        double after = ClassOffsets.meanF1(logP, truth, offsets);
        assertTrue(after > before + 0.2, before + " -> " + after);
        assertEquals(0, Arrays.stream(offsets).sum(), 1e-9, "centred");
        // Class 1 is lifted against both others, by about the 1.5 it was pushed down.
        assertTrue(offsets[1] - offsets[0] > 0.75 && offsets[1] - offsets[2] > 0.75, Arrays.toString(offsets));
        // And it holds on pixels the fit did not see.
        int[] other = truth(600);
        float[][] unseen = underScored(other, new SplittableRandom(2));
        assertTrue(ClassOffsets.meanF1(unseen, other, offsets) > ClassOffsets.meanF1(unseen, other, new double[3]) + 0.2);
    }

    @Test
    void leavesARightChoiceAndMissingDataAlone() {
        int[] truth = truth(90);
        float[][] logP = new float[90][3];
        for (int i = 0; i < 90; i++) {
            logP[i][truth[i]] = 0;
            logP[i][(truth[i] + 1) % 3] = -3;
            logP[i][(truth[i] + 2) % 3] = -4;
        }
        assertEquals(1.0, ClassOffsets.meanF1(logP, truth, new double[3]));
        assertArrayEquals(new double[3], ClassOffsets.fit(logP, truth, 3), "nothing to gain: no offset");
        assertArrayEquals(new double[3], ClassOffsets.fit(new float[0][], new int[0], 3), "no validation defects");
        assertArrayEquals(new double[1], ClassOffsets.fit(new float[][] {{0f}}, new int[] {0}, 1), "one class");
    }

    @Test
    void aGainTooSmallToTrustChangesNothing() {
        // 300 pixels chosen right, and one class-1 pixel that a lift of class 1 would win back:
        // a gain of about 0.002 in the mean F1, under the minimum.
        int[] truth = truth(301);
        float[][] logP = new float[301][3];
        for (int i = 0; i < 300; i++) {
            Arrays.fill(logP[i], -5);
            logP[i][truth[i]] = 0;
        }
        truth[300] = 1;
        logP[300] = new float[] {0, -0.5f, -5};
        assertTrue(ClassOffsets.meanF1(logP, truth, new double[] {0, 1, 0}) > ClassOffsets.meanF1(logP, truth, new double[3]));
        assertArrayEquals(new double[3], ClassOffsets.fit(logP, truth, 3));
    }

    @Test
    void meanF1CountsOnlyTheClassesShown() {
        // Truth shows classes 0 and 1 only; every pixel is chosen right except one 1 taken for 2.
        float[][] logP = {{0, -1, -1}, {0, -1, -1}, {-1, 0, -2}, {-1, -2, 0}};
        int[] truth = {0, 0, 1, 1};
        // Class 0: F1 1; class 1: 1 right of 1 chosen and 2 true, F1 2/3; class 2 is not shown.
        assertEquals((1 + 2 / 3.0) / 2, ClassOffsets.meanF1(logP, truth, new double[3]), 1e-12);
    }

    @Test
    void foldingIntoTheHeadScalesEachClassProbabilityByTheExponentOfItsOffset() {
        SegmentationArchitecture a = new SegmentationArchitecture(32, new int[] {4, 6}, 3);
        SegmentationWeights w = SegmentationWeights.initial(a, 5);
        double[] offsets = {0.5, -1.0, 0.5};
        SegmentationWeights folded = ClassOffsets.fold(w, offsets);
        SplittableRandom r = new SplittableRandom(9);
        float[] image = new float[3 * 32 * 32];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) r.nextDouble(-1, 1);
        }
        int plane = 32 * 32;
        try (SegmentationForward before = new SegmentationForward(w);
             SegmentationForward after = new SegmentationForward(folded)) {
            float[] p = before.probabilities(image);
            float[] q = after.probabilities(image);
            for (int o = 0; o < plane; o += 17) {
                double sum = p[o];
                for (int c = 1; c <= 3; c++) {
                    sum += p[c * plane + o] * Math.exp(offsets[c - 1]);
                }
                assertEquals(p[o] / sum, q[o], 1e-5, "background at pixel " + o);
                for (int c = 1; c <= 3; c++) {
                    assertEquals(p[c * plane + o] * Math.exp(offsets[c - 1]) / sum, q[c * plane + o], 1e-5);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ClassOffsets.fold(w, new double[2]));
    }
}
