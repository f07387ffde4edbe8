package dev.loupe.engine.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starts a network from a backbone the user supplies: a DL4J {@code MultiLayerNetwork} zip (as
 * {@code ModelSerializer} writes it) whose first layers are blocks this engine can run: a 3x3
 * convolution (stride 1, padding 1 or "same") with ReLU, or without activation and followed by
 * batch normalisation and a ReLU, with 2x2 max pooling between blocks. Those blocks are taken,
 * batch normalisation folded into the convolutions; the first layer that does not fit ends the
 * backbone. The head is seeded fresh. Nothing is downloaded: the file is the user's.
 *
 * <p>Pretrained features matter most in the label-free mode, which trains nothing and compares
 * patch features directly.
 */
public final class Dl4jBackbone {
    private Dl4jBackbone() {
    }

    /**
     * The weights of a network whose blocks come from the backbone at {@code file}.
     *
     * @param inputSize   the square input side the model will use
     * @param scoreMargin map cells at each edge left out of the image score
     * @param seed        seeds the head
     * @throws IllegalArgumentException naming the layer when the backbone cannot be used
     */
    public static NetworkWeights load(Path file, int inputSize, int scoreMargin, long seed) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("backbone not found: " + file);
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a DL4J MultiLayerNetwork zip: " + e.getMessage(), e);
        }
        try {
            return blocks(net, file, inputSize, scoreMargin, seed);
        } finally {
            net.close();
        }
    }

    private static NetworkWeights blocks(MultiLayerNetwork net, Path file, int inputSize, int scoreMargin, long seed) {
        Layer[] layers = net.getLayers();
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        List<Integer> channels = new ArrayList<>();
        int in = 3;
        int i = 0;
        while (i < layers.length) {
            String where = file + ": layer " + i;
            if (!(layers[i].conf().getLayer() instanceof ConvolutionLayer conv) || !isBlockConv(conv)) {
                break;
            }
            if (conv.getNIn() != in) {
                throw new IllegalArgumentException(where + " takes " + conv.getNIn() + " channels; expected " + in);
            }
            int out = (int) conv.getNOut();
            float[] w = reorder(layers[i].getParam("W"), out, in);
            float[] b = layers[i].getParam("b").castTo(DataType.FLOAT).dup().data().asFloat();
            boolean relu = conv.getActivationFn() instanceof ActivationReLU;
            i++;
            if (!relu) {
                if (i < layers.length && layers[i].conf().getLayer() instanceof BatchNormalization bn) {
                    fold(layers[i], bn, w, b, out);
                    relu = bn.getActivationFn() instanceof ActivationReLU;
                    i++;
                }
                if (!relu && i < layers.length && layers[i].conf().getLayer() instanceof ActivationLayer act
                        && act.getActivationFn() instanceof ActivationReLU) {
                    relu = true;
                    i++;
                }
                if (!relu) {
                    throw new IllegalArgumentException(where + ": the convolution must end in a ReLU (directly, or after "
                            + "batch normalisation); activation " + conv.getActivationFn());
                }
            }
            weights.add(w);
            biases.add(b);
            channels.add(out);
            in = out;
            if (i < layers.length && layers[i].conf().getLayer() instanceof SubsamplingLayer pool && isMaxPool2(pool)
                    && i + 1 < layers.length && layers[i + 1].conf().getLayer() instanceof ConvolutionLayer next
                    && isBlockConv(next)) {
                i++;
                continue;
            }
            break;
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(file + ": layer 0 is not a 3x3, stride 1, padded convolution; "
                    + "no usable backbone blocks");
        }
        if (channels.size() > 6) {
            throw new IllegalArgumentException(file + ": " + channels.size() + " blocks; at most 6 are supported");
        }
        Architecture a = new Architecture(inputSize, channels.stream().mapToInt(Integer::intValue).toArray(), scoreMargin);
        NetworkWeights fresh = NetworkWeights.initial(a, seed);
        Map<String, Tensor> t = new LinkedHashMap<>(fresh.tensors());
        for (int b = 0; b < channels.size(); b++) {
            t.put("w" + b, new Tensor(new long[] {3, 3, a.inputChannels(b), channels.get(b)}, weights.get(b)));
            t.put("b" + b, new Tensor(new long[] {channels.get(b)}, biases.get(b)));
        }
        return new NetworkWeights(a, t);
    }

    private static boolean isBlockConv(ConvolutionLayer conv) {
        int[] k = conv.getKernelSize();
        int[] s = conv.getStride();
        int[] p = conv.getPadding();
        int[] d = conv.getDilation();
        boolean same = conv.getConvolutionMode() == ConvolutionMode.Same || (p[0] == 1 && p[1] == 1);
        IActivation act = conv.getActivationFn();
        return k[0] == 3 && k[1] == 3 && s[0] == 1 && s[1] == 1 && d[0] == 1 && d[1] == 1 && same
                && (act instanceof ActivationReLU || act instanceof ActivationIdentity);
    }

    private static boolean isMaxPool2(SubsamplingLayer pool) {
        return pool.getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.MAX && pool.getKernelSize()[0] == 2
                && pool.getKernelSize()[1] == 2 && pool.getStride()[0] == 2 && pool.getStride()[1] == 2;
    }

    /** DL4J's {@code [out, in, kH, kW]} to libnd4j's {@code [kH, kW, in, out]}. */
    private static float[] reorder(INDArray w, int out, int in) {
        float[] src = w.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] dst = new float[src.length];
        for (int o = 0; o < out; o++) {
            for (int c = 0; c < in; c++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        dst[((y * 3 + x) * in + c) * out + o] = src[((o * in + c) * 3 + y) * 3 + x];
                    }
                }
            }
        }
        return dst;
    }

    /** Folds a batch normalisation layer (population statistics) into the preceding convolution. */
    private static void fold(Layer layer, BatchNormalization bn, float[] w, float[] b, int out) {
        float[] gamma = layer.getParam("gamma").castTo(DataType.FLOAT).dup().data().asFloat();
        float[] beta = layer.getParam("beta").castTo(DataType.FLOAT).dup().data().asFloat();
        float[] mean = layer.getParam("mean").castTo(DataType.FLOAT).dup().data().asFloat();
        float[] std = new float[out];
        if (layer.paramTable().containsKey("var")) {
            float[] var = layer.getParam("var").castTo(DataType.FLOAT).dup().data().asFloat();
            for (int o = 0; o < out; o++) {
                std[o] = (float) Math.sqrt(var[o] + bn.getEps());
            }
        } else {
            // DL4J's default keeps log10 of the standard deviation (already including epsilon).
            float[] log10 = layer.getParam("log10stdev").castTo(DataType.FLOAT).dup().data().asFloat();
            for (int o = 0; o < out; o++) {
                std[o] = (float) Math.pow(10, log10[o]);
            }
        }
        for (int o = 0; o < out; o++) {
            float scale = gamma[o] / std[o];
            for (int k = o; k < w.length; k += out) {
                w[k] *= scale;
            }
            b[o] = (b[o] - mean[o]) * scale + beta[o];
        }
    }
}
