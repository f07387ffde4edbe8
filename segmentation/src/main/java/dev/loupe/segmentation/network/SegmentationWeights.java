package dev.loupe.segmentation.network;

import dev.loupe.engine.network.Tensor;
import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The segmentation network's parameters by name: encoder {@code e<l>.w/.b}, decoder projections
 * {@code p<l>.w/.b} and convolutions {@code d<l>.w/.b}, head {@code h.w/.b}. Convolution weights are
 * {@code [kH, kW, in, out]}. Immutable and free of native memory.
 */
public record SegmentationWeights(SegmentationArchitecture architecture, Map<String, Tensor> tensors) {
    public SegmentationWeights {
        tensors = Collections.unmodifiableMap(new TreeMap<>(tensors));
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + name + " in the segmentation weights");
        }
        return t;
    }

    /** He-initialised weights and zero biases, from {@code seed}. */
    public static SegmentationWeights initial(SegmentationArchitecture a, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> t = new TreeMap<>();
        int in = 3;
        for (int l = 0; l < a.levels(); l++) {
            conv(t, "e" + l, 3, in, a.channels(l), random);
            in = a.channels(l);
        }
        for (int l = a.levels() - 2; l >= 0; l--) {
            conv(t, "p" + l, 1, a.channels(l + 1), a.channels(l), random);
            conv(t, "d" + l, 3, a.channels(l), a.channels(l), random);
        }
        conv(t, "h", 1, a.channels(0), a.outputs(), random);
        return new SegmentationWeights(a, t);
    }

    private static void conv(Map<String, Tensor> t, String name, int k, int in, int out, SplittableRandom random) {
        float[] w = new float[k * k * in * out];
        double std = Math.sqrt(2.0 / (k * k * in));
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (gaussian(random) * std);
        }
        t.put(name + ".w", new Tensor(new long[] {k, k, in, out}, w));
        t.put(name + ".b", new Tensor(new long[] {out}, new float[out]));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
