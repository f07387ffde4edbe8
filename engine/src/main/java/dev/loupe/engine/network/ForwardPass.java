package dev.loupe.engine.network;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network's forward pass by direct libnd4j op calls, for detection. Owns native copies of the
 * weights, released by {@link #close()}; every intermediate array of a call is closed before the
 * call returns, so native memory does not grow with the number of calls.
 *
 * <p>Not thread-safe: one per thread (a detector pool holds several).
 */
public final class ForwardPass implements AutoCloseable {
    private final Architecture architecture;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final INDArray headWeights;
    private final INDArray headBias;
    private final float[] globalWeights;
    private final float globalBias;
    private boolean closed;

    public ForwardPass(NetworkWeights w) {
        this.architecture = w.architecture();
        for (int b = 0; b < architecture.blocks(); b++) {
            weights.add(array(w.get("w" + b)));
            biases.add(array(w.get("b" + b)));
        }
        headWeights = array(w.get("wh"));
        headBias = array(w.get("bh"));
        globalWeights = w.hasGlobalTerm() ? w.get("wg").data() : null;
        globalBias = w.hasGlobalTerm() ? w.get("bg").get(0) : 0;
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), DataType.FLOAT);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** What one image yields: its features and its logit map, as plain arrays. */
    public record Output(float[] features, float[] logits, int mapSize, int channels) {
    }

    /**
     * Runs one normalised planar image ({@code 3 x size x size}) through the network.
     *
     * @param wantFeatures also return the feature map (channel-major, {@code channels x map x map})
     */
    public Output forward(float[] planar, boolean wantFeatures) {
        if (closed) {
            throw new IllegalStateException("forward pass closed");
        }
        int s = architecture.inputSize();
        if (planar.length != 3 * s * s) {
            throw new IllegalArgumentException("expected " + 3 * s * s + " input values, got " + planar.length);
        }
        INDArray x = Nd4j.create(planar, new long[] {1, 3, s, s}, DataType.FLOAT);
        try {
            for (int b = 0; b < architecture.blocks(); b++) {
                INDArray y = Nd4j.exec(new Conv2D(x, weights.get(b), biases.get(b), Convolutions.CONV3))[0];
                x.close();
                Transforms.relu(y, false);
                x = y;
                if (b < architecture.blocks() - 1) {
                    INDArray pooled = Convolutions.maxPool2(x);
                    x.close();
                    x = pooled;
                }
            }
            float[] features = wantFeatures || globalWeights != null ? x.data().asFloat() : null;
            INDArray map = Nd4j.exec(new Conv2D(x, headWeights, headBias, Convolutions.CONV1))[0];
            float[] logits = map.data().asFloat();
            map.close();
            if (globalWeights != null) {
                float global = globalTerm(features);
                for (int i = 0; i < logits.length; i++) {
                    logits[i] += global;
                }
            }
            return new Output(wantFeatures ? features : null, logits, architecture.mapSize(), architecture.featureChannels());
        } finally {
            x.close();
        }
    }

    /** {@code wg . mean(features) + bg}, the features channel-major. */
    private float globalTerm(float[] features) {
        int cells = features.length / globalWeights.length;
        double sum = globalBias;
        for (int c = 0; c < globalWeights.length; c++) {
            double mean = 0;
            for (int i = c * cells, end = i + cells; i < end; i++) {
                mean += features[i];
            }
            sum += globalWeights[c] * mean / cells;
        }
        return (float) sum;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            weights.forEach(INDArray::close);
            biases.forEach(INDArray::close);
            headWeights.close();
            headBias.close();
        }
    }
}
