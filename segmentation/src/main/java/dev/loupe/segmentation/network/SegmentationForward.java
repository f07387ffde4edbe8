package dev.loupe.segmentation.network;

import dev.loupe.engine.network.Convolutions;
import dev.loupe.engine.network.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Upsampling2d;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The segmentation network's forward pass by direct libnd4j op calls, for detection and
 * calibration: the same function as {@link SegmentationGraph} (pooling by an equal, faster
 * reduction, see {@link Convolutions#maxPool2}; each decoder level's projection before its
 * upsampling, which commute) without SameDiff's per-op bookkeeping, which at one image a
 * call cost more than the convolutions (the same lesson as the classification network's forward
 * pass).
 *
 * <p>Owns native copies of the weights, released by {@link #close()}; every intermediate array
 * of a call is closed before it returns, so native memory does not grow with calls. Not
 * thread-safe: one per thread.
 */
public final class SegmentationForward implements AutoCloseable {
    private final SegmentationArchitecture architecture;
    private final Map<String, INDArray> arrays = new HashMap<>();
    private boolean closed;

    public SegmentationForward(SegmentationWeights weights) {
        this.architecture = weights.architecture();
        weights.tensors().forEach((name, t) -> arrays.put(name, array(t)));
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), DataType.FLOAT);
    }

    public SegmentationArchitecture architecture() {
        return architecture;
    }

    /**
     * Class probabilities of one normalised image ({@code 3 x s x s}), {@code [classes+1][s*s]}
     * flattened class-major, as {@link SegmentationGraph#probabilities} computes them.
     */
    public float[] probabilities(float[] input) {
        if (closed) {
            throw new IllegalStateException("segmentation forward pass closed");
        }
        int s = architecture.inputSize();
        if (input.length != 3 * s * s) {
            throw new IllegalArgumentException("expected " + 3 * s * s + " input values, got " + input.length);
        }
        int levels = architecture.levels();
        INDArray[] encoder = new INDArray[levels];
        INDArray x = null;
        try {
            try (INDArray in = Nd4j.create(input, new long[] {1, 3, s, s}, DataType.FLOAT)) {
                encoder[0] = relu(conv("e0", in, Convolutions.CONV3));
            }
            for (int l = 1; l < levels; l++) {
                try (INDArray pooled = Convolutions.maxPool2(encoder[l - 1])) {
                    encoder[l] = relu(conv("e" + l, pooled, Convolutions.CONV3));
                }
            }
            // The coarsest level is the decoder's start; it is closed with the encoder.
            x = encoder[levels - 1];
            encoder[levels - 1] = null;
            for (int l = levels - 2; l >= 0; l--) {
                // The graph upsamples, then projects by a 1x1 convolution. A 1x1 convolution works
                // on each pixel alone and nearest upsampling copies pixels, so projecting first
                // gives the same values from a quarter of the pixels, and upsamples fewer channels.
                INDArray merged;
                try (INDArray projected = conv("p" + l, x, Convolutions.CONV1)) {
                    merged = Nd4j.exec(new Upsampling2d(projected, 2, 2, true))[0];
                }
                merged.addi(encoder[l]);
                relu(merged);
                INDArray next = relu(conv("d" + l, merged, Convolutions.CONV3));
                merged.close();
                x.close();
                x = next;
            }
            float[] logits;
            try (INDArray head = conv("h", x, Convolutions.CONV1)) {
                logits = head.data().asFloat();
            }
            softmaxOverClasses(logits, architecture.outputs(), s * s);
            return logits;
        } finally {
            if (x != null) {
                x.close();
            }
            for (INDArray e : encoder) {
                if (e != null) {
                    e.close();
                }
            }
        }
    }

    private INDArray conv(String name, INDArray x, Conv2DConfig config) {
        return Nd4j.exec(new Conv2D(x, arrays.get(name + ".w"), arrays.get(name + ".b"), config))[0];
    }

    private static INDArray relu(INDArray x) {
        return Transforms.relu(x, false);
    }

    /** In place, per pixel, shifted by the largest logit as the graph does. */
    private static void softmaxOverClasses(float[] values, int classes, int pixels) {
        for (int p = 0; p < pixels; p++) {
            float top = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                top = Math.max(top, values[c * pixels + p]);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(values[c * pixels + p] - top);
                values[c * pixels + p] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                values[c * pixels + p] /= sum;
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arrays.values().forEach(INDArray::close);
        }
    }
}
