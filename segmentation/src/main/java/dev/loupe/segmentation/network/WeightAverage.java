package dev.loupe.segmentation.network;

import dev.loupe.engine.network.Tensor;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running mean of one network's weights over several points of its training (stochastic weight
 * averaging, Izmailov et al., UAI 2018). At a constant learning rate the weights keep moving about a
 * minimum from one epoch to the next; their mean sits nearer its middle than any one of them.
 *
 * <p>The network has no batch normalisation, so the mean needs no statistics recomputed after it.
 * Not thread-safe; the training loop that feeds it owns it.
 */
public final class WeightAverage {
    private final SegmentationArchitecture architecture;
    private final Map<String, float[]> mean = new TreeMap<>();
    private final Map<String, long[]> shapes = new TreeMap<>();
    private int count;

    public WeightAverage(SegmentationArchitecture architecture) {
        this.architecture = architecture;
    }

    /** Adds one point of the training to the mean. */
    public void add(SegmentationWeights weights) {
        if (!weights.architecture().equals(architecture)) {
            throw new IllegalArgumentException("weights of " + weights.architecture() + " cannot join an average of "
                    + architecture);
        }
        count++;
        for (Map.Entry<String, Tensor> e : weights.tensors().entrySet()) {
            Tensor t = e.getValue();
            if (count == 1) {
                // The first point is copied as it is, so that a mean of one is exactly those weights.
                shapes.put(e.getKey(), t.shape());
                mean.put(e.getKey(), t.data());
                continue;
            }
            float[] m = mean.get(e.getKey());
            // The incremental form keeps each value within the range of the values averaged.
            for (int i = 0; i < m.length; i++) {
                m[i] += (t.get(i) - m[i]) / count;
            }
        }
    }

    /** How many points have been added. */
    public int count() {
        return count;
    }

    /** The mean of the weights added so far. */
    public SegmentationWeights mean() {
        if (count == 0) {
            throw new IllegalStateException("no weights have been added to the average");
        }
        Map<String, Tensor> tensors = new TreeMap<>();
        for (Map.Entry<String, float[]> e : mean.entrySet()) {
            tensors.put(e.getKey(), new Tensor(shapes.get(e.getKey()), e.getValue()));
        }
        return new SegmentationWeights(architecture, tensors);
    }
}
