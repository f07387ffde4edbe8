package dev.loupe.engine.network;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The network as a SameDiff graph, for training with image labels: per-example weighted sigmoid
 * cross-entropy on the largest cell logit. Owns its graph and arrays; {@link #close()} releases
 * them. Not thread-safe.
 */
public final class TrainingGraph implements AutoCloseable {
    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String WEIGHT = "weight";
    private static final String LOSS = "loss";

    private final Architecture architecture;
    private final SameDiff sd;

    public TrainingGraph(NetworkWeights initial, double learningRate) {
        this.architecture = initial.architecture();
        sd = SameDiff.create();
        int s = architecture.inputSize();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 3, s, s);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 1);
        SDVariable weight = sd.placeHolder(WEIGHT, DataType.FLOAT, -1, 1);
        SDVariable x = input;
        for (int b = 0; b < architecture.blocks(); b++) {
            SDVariable w = sd.var("w" + b, array(initial.get("w" + b)));
            SDVariable bias = sd.var("b" + b, array(initial.get("b" + b)));
            x = sd.nn().relu(sd.cnn().conv2d(x, w, bias, Convolutions.CONV3), 0);
            if (b < architecture.blocks() - 1) {
                x = sd.cnn().maxPooling2d(x, Convolutions.POOL2);
            }
        }
        SDVariable wh = sd.var("wh", array(initial.get("wh")));
        SDVariable bh = sd.var("bh", array(initial.get("bh")));
        SDVariable map = sd.cnn().conv2d(x, wh, bh, Convolutions.CONV1);
        int m = architecture.mapSize();
        int margin = architecture.scoreMargin();
        SDVariable inner = margin == 0 ? map : map.get(SDIndex.all(), SDIndex.all(),
                SDIndex.interval(margin, m - margin), SDIndex.interval(margin, m - margin));
        SDVariable logit = inner.max(true, 2, 3).reshape(-1, 1);
        sd.loss().sigmoidCrossEntropy(LOSS, label, logit, weight);
        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(LABEL)
                // The per-example loss weights travel as the "label mask" of a MultiDataSet:
                // SameDiff's fit feeds placeholders only through these four mappings.
                .dataSetLabelMaskMapping(WEIGHT)
                .build());
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), DataType.FLOAT);
    }

    /**
     * One optimisation step on a batch.
     *
     * @param inputs  {@code n x 3 x size x size}, normalised
     * @param labels  {@code n}, 1 for anomalous
     * @param weights {@code n}, the loss weight of each example (class balance)
     * @param measure whether to compute the batch loss too (one extra forward pass)
     * @return the batch loss before the step, or NaN when not measured
     */
    public double step(float[] inputs, float[] labels, float[] weights, boolean measure) {
        int n = labels.length;
        int s = architecture.inputSize();
        try (INDArray x = Nd4j.create(inputs, new long[] {n, 3, s, s}, DataType.FLOAT);
             INDArray y = Nd4j.create(labels, new long[] {n, 1}, DataType.FLOAT);
             INDArray w = Nd4j.create(weights, new long[] {n, 1}, DataType.FLOAT)) {
            double loss = Double.NaN;
            if (measure) {
                // SameDiff's fit does not hand its loss to callers in this version; ask for it.
                try (INDArray l = sd.output(Map.of(INPUT, x, LABEL, y, WEIGHT, w), LOSS).get(LOSS)) {
                    loss = l.getDouble(0);
                }
            }
            sd.fit(new MultiDataSet(new INDArray[] {x}, new INDArray[] {y}, null, new INDArray[] {w}));
            return loss;
        }
    }

    /** The current weights, copied out. */
    public NetworkWeights weights() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                INDArray a = v.getArr();
                t.put(v.name(), new Tensor(a.shape(), a.dup().data().asFloat()));
            }
        }
        return new NetworkWeights(architecture, t);
    }

    @Override
    public void close() {
        // SameDiff has no close of its own: release the variables' native arrays here.
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && v.getArr() != null && v.getArr().closeable()) {
                v.getArr().close();
            }
        }
    }
}
