package dev.loupe.engine.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * All weights of a network, by name: {@code w0, b0, ...} for the blocks, {@code wh, bh} for the
 * head, and {@code wg, bg} for the global term (a linear function of the mean feature vector,
 * added to every cell's logit). Conv weights are laid out {@code [kH, kW, inChannels, outChannels]}, as libnd4j's conv2d
 * takes them. Immutable.
 */
public record NetworkWeights(Architecture architecture, Map<String, Tensor> tensors) {

    public NetworkWeights {
        tensors = Map.copyOf(tensors);
        for (int b = 0; b < architecture.blocks(); b++) {
            require(tensors, "w" + b, 9L * architecture.inputChannels(b) * architecture.channels(b));
            require(tensors, "b" + b, architecture.channels(b));
        }
        require(tensors, "wh", architecture.featureChannels());
        require(tensors, "bh", 1);
        if (tensors.containsKey("wg")) {
            require(tensors, "wg", architecture.featureChannels());
            require(tensors, "bg", 1);
        }
    }

    /** True when the network has the global term (archives of the first format have none). */
    public boolean hasGlobalTerm() {
        return tensors.containsKey("wg");
    }

    private static void require(Map<String, Tensor> tensors, String name, long size) {
        Tensor t = tensors.get(name);
        if (t == null || t.size() != size) {
            throw new IllegalArgumentException("weights " + name + ": expected " + size + " values, got "
                    + (t == null ? "none" : t.size()));
        }
    }

    /** He-initialised weights (zero biases) from a seed: the starting point of training. */
    public static NetworkWeights initial(Architecture a, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (int b = 0; b < a.blocks(); b++) {
            int in = a.inputChannels(b);
            int out = a.channels(b);
            t.put("w" + b, gaussian(new long[] {3, 3, in, out}, Math.sqrt(2.0 / (9 * in)), random));
            t.put("b" + b, new Tensor(new long[] {out}, new float[out]));
        }
        t.put("wh", gaussian(new long[] {1, 1, a.featureChannels(), 1}, Math.sqrt(1.0 / a.featureChannels()), random));
        t.put("bh", new Tensor(new long[] {1}, new float[1]));
        t.put("wg", gaussian(new long[] {a.featureChannels(), 1}, Math.sqrt(1.0 / a.featureChannels()), random));
        t.put("bg", new Tensor(new long[] {1}, new float[1]));
        return new NetworkWeights(a, t);
    }

    private static Tensor gaussian(long[] shape, double std, SplittableRandom random) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            double u = 1.0 - random.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()) * std);
        }
        return new Tensor(shape, v);
    }

    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no weights named " + name);
        }
        return t;
    }
}
