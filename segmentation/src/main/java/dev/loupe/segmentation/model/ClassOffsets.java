package dev.loupe.segmentation.model;

import dev.loupe.engine.network.Tensor;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offsets on the anomaly classes' logits that make the most probable anomaly class of a defect
 * pixel agree with its truth on the validation images, folded into the head's bias.
 *
 * <p>Why: a pixel's class is the most probable anomaly class, and a network that has seen few
 * examples of a class can rank it second everywhere. On the synthetic washers at seed 3, more of
 * the scratch pixels were called crack than scratch: dark scratches look like cracks, and the
 * network saw some five of them. Each class's pixel threshold, fitted afterwards, cannot help a
 * class that is never the most probable. Shifting a class's logit by {@code b} multiplies its
 * probability by {@code e^b} before the softmax renormalises, which is a prior correction of the
 * kind a classifier's calibration makes, fitted on the same validation images as the thresholds.
 *
 * <p>The fit: coordinate ascent, three rounds over the classes, each offset searched on a grid of
 * {@value #STEP} from -{@value #RANGE} to {@value #RANGE}, for the mean F1 of the class choice over
 * the classes the validation defect pixels show. A change is kept only when it raises that mean,
 * and the offsets are kept only when together they raise it by {@value #MIN_GAIN} or more: the
 * validation images that show each class are three or four, and a smaller gain is as likely their
 * noise (on the washers at seed 1 the search gained 0.003, moved stain's offset by 1.5, and the
 * test figures fell slightly; at seed 3 it gained 0.30). They are then centred (their mean
 * subtracted): a common shift would only move every anomaly class against background, which the
 * pixel thresholds set.
 */
final class ClassOffsets {
    static final double RANGE = 4;
    static final double STEP = 0.25;
    static final double MIN_GAIN = 0.02;
    private static final int ROUNDS = 3;

    private ClassOffsets() {
    }

    /**
     * @param logProbabilities per validation defect pixel, the log-probability of each anomaly class (index 0 = class 1)
     * @param truth            per pixel, its true anomaly class, 0-based like the probabilities
     * @param classes          the number of anomaly classes
     * @return the centred offsets, one per anomaly class
     */
    static double[] fit(float[][] logProbabilities, int[] truth, int classes) {
        double[] offsets = new double[classes];
        if (classes < 2) {
            return offsets;
        }
        double initial = meanF1(logProbabilities, truth, offsets);
        double best = initial;
        int steps = (int) Math.round(2 * RANGE / STEP);
        for (int round = 0; round < ROUNDS; round++) {
            for (int c = 0; c < classes; c++) {
                double chosen = offsets[c];
                for (int s = 0; s <= steps; s++) {
                    offsets[c] = -RANGE + s * STEP;
                    double f = meanF1(logProbabilities, truth, offsets);
                    if (f > best + 1e-9) {
                        best = f;
                        chosen = offsets[c];
                    }
                }
                offsets[c] = chosen;
            }
        }
        if (best - initial < MIN_GAIN) {
            return new double[classes];
        }
        double mean = Arrays.stream(offsets).average().orElse(0);
        for (int c = 0; c < classes; c++) {
            offsets[c] -= mean;
        }
        return offsets;
    }

    /**
     * The mean, over the classes that {@code truth} shows, of the F1 of choosing the class with the
     * highest offset log-probability (ties to the lower index); 0 without pixels.
     */
    static double meanF1(float[][] logProbabilities, int[] truth, double[] offsets) {
        int classes = offsets.length;
        long[] right = new long[classes];
        long[] chosen = new long[classes];
        long[] actual = new long[classes];
        for (int i = 0; i < truth.length; i++) {
            float[] v = logProbabilities[i];
            int arg = 0;
            for (int c = 1; c < classes; c++) {
                if (v[c] + offsets[c] > v[arg] + offsets[arg]) {
                    arg = c;
                }
            }
            chosen[arg]++;
            actual[truth[i]]++;
            if (arg == truth[i]) {
                right[arg]++;
            }
        }
        return meanF1(right, chosen, actual);
    }

    /**
     * The mean F1 over the classes with {@code actual} pixels, from each class's pixels chosen
     * rightly, chosen, and truly of it; 0 without any.
     */
    static double meanF1(long[] right, long[] chosen, long[] actual) {
        double sum = 0;
        int shown = 0;
        for (int c = 0; c < actual.length; c++) {
            if (actual[c] > 0) {
                sum += 2.0 * right[c] / (chosen[c] + actual[c]);
                shown++;
            }
        }
        return shown == 0 ? 0 : sum / shown;
    }

    /** The weights with {@code offsets[c - 1]} added to the head's bias of anomaly class {@code c}. */
    static SegmentationWeights fold(SegmentationWeights weights, double[] offsets) {
        Tensor head = weights.get("h.b");
        float[] bias = head.data();
        if (bias.length != offsets.length + 1) {
            throw new IllegalArgumentException(offsets.length + " offsets for a head of " + bias.length + " outputs");
        }
        for (int c = 1; c < bias.length; c++) {
            bias[c] += (float) offsets[c - 1];
        }
        Map<String, Tensor> tensors = new TreeMap<>(weights.tensors());
        tensors.put("h.b", new Tensor(head.shape(), bias));
        return new SegmentationWeights(weights.architecture(), tensors);
    }
}
