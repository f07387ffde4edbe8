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
 * cross-entropy on the image logit ({@link Architecture#imageScore}). Owns its graph and arrays; {@link #close()} releases
 * them. Not thread-safe.
 */
public final class TrainingGraph implements AutoCloseable {
    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String WEIGHT = "weight";
    private static final String LOSS = "loss";
    private static final String LOGIT = "logit";
    private static final String MEAN = "bnMean";
    private static final String VAR = "bnVar";
    private static final String BETA = "bnBeta";
    private static final double EPSILON = 1e-5;

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
            int c = architecture.channels(b);
            SDVariable w = sd.var("w" + b, array(initial.get("w" + b)));
            SDVariable bias = sd.var("b" + b, array(initial.get("b" + b)));
            SDVariable conv = sd.cnn().conv2d(x, w, bias, Convolutions.CONV3);
            if (b == 0) {
                // The first block's activations are the network's largest tensors: normalising every
                // block tripled the time of an epoch (5.4 s against 1.8 s on aliens at 160 pixels),
                // so the first block goes without.
                x = sd.nn().relu(conv, 0);
                if (architecture.blocks() > 1) {
                    x = sd.cnn().maxPooling2d(x, Convolutions.POOL2);
                }
                continue;
            }
            // Batch normalisation with the batch's own statistics: on synthetic washers, 40 epochs
            // reached image AUROC 0.97 with it and 0.71 without. It is folded into the convolution for
            // detection (see foldedWeights), so the forward pass stays a plain conv + ReLU. A shift
            // but no learned scale: relu(g * z + b) = g * relu(z + b / g) for g > 0, so the next
            // convolution or the linear head can take the scale, and leaving it out made training
            // a fifth faster (one full-size multiply and its gradient fewer per block).
            SDVariable mean = conv.mean(true, 0, 2, 3).rename(MEAN + b);
            SDVariable centred = conv.sub(mean);
            SDVariable var = centred.mul(centred).mean(true, 0, 2, 3).rename(VAR + b);
            SDVariable beta = sd.var(BETA + b, Nd4j.zeros(DataType.FLOAT, 1, c, 1, 1));
            x = sd.nn().relu(centred.div(sd.math().sqrt(var.add(EPSILON))).add(beta), 0);
            if (b < architecture.blocks() - 1) {
                x = sd.cnn().maxPooling2d(x, Convolutions.POOL2);
            }
        }
        SDVariable wh = sd.var("wh", array(initial.get("wh")));
        SDVariable bh = sd.var("bh", array(initial.get("bh")));
        SDVariable map = sd.cnn().conv2d(x, wh, bh, Convolutions.CONV1);
        if (initial.hasGlobalTerm()) {
            // Evidence no single cell holds (a missing part is background where the part belongs)
            // shows in the image's mean features: a linear term of them shifts every cell.
            SDVariable wg = sd.var("wg", array(initial.get("wg")));
            SDVariable bg = sd.var("bg", array(initial.get("bg")));
            SDVariable global = x.mean(2, 3).mmul(wg).add(bg).reshape(-1, 1, 1, 1);
            map = map.add(global);
        }
        int m = architecture.mapSize();
        int margin = architecture.scoreMargin();
        SDVariable inner = margin == 0 ? map : map.get(SDIndex.all(), SDIndex.all(),
                SDIndex.interval(margin, m - margin), SDIndex.interval(margin, m - margin));
        // Image logit: log of the mean of exp(cell logits), a smooth maximum whose gradient reaches
        // every cell (a hard max trains one cell per image per step, and learned far slower).
        long cells = (long) (m - 2 * margin) * (m - 2 * margin);
        SDVariable flat = inner.reshape(-1, cells);
        SDVariable top = flat.max(true, 1);
        SDVariable logit = sd.math().log(sd.math().exp(flat.sub(top)).mean(true, 1)).add(top).rename(LOGIT);
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

    /** The image logits of a batch as the graph computes them (for checking the forward pass). */
    public double[] logits(float[] inputs, int n) {
        int s = architecture.inputSize();
        try (INDArray x = Nd4j.create(inputs, new long[] {n, 3, s, s}, DataType.FLOAT);
             INDArray l = sd.output(Map.of(INPUT, x), LOGIT).get(LOGIT)) {
            return l.castTo(DataType.DOUBLE).data().asDouble();
        }
    }

    /**
     * The current weights with batch normalisation folded into the convolutions, using the
     * statistics of {@code inputs} taken as one batch (population statistics, where training used
     * each batch's own): {@code w' = w / sqrt(var + eps)}, {@code b' = (b - mean) / sqrt(var + eps) + beta}.
     *
     * @param inputs normalised planar images, un-augmented (a few dozen suffice)
     */
    public NetworkWeights foldedWeights(java.util.List<float[]> inputs) {
        int s = architecture.inputSize();
        int plane = 3 * s * s;
        float[] all = new float[inputs.size() * plane];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, all, i * plane, plane);
        }
        String[] stats = new String[2 * (architecture.blocks() - 1)];
        for (int b = 1; b < architecture.blocks(); b++) {
            stats[2 * (b - 1)] = MEAN + b;
            stats[2 * (b - 1) + 1] = VAR + b;
        }
        Map<String, Tensor> t = new LinkedHashMap<>();
        try (INDArray x = Nd4j.create(all, new long[] {inputs.size(), 3, s, s}, DataType.FLOAT)) {
            // A one-block network has no normalised block, hence no statistics to compute.
            Map<String, INDArray> out = stats.length == 0 ? Map.of() : sd.output(Map.of(INPUT, x), stats);
            t.put("w0", copy(sd.getVariable("w0").getArr()));
            t.put("b0", copy(sd.getVariable("b0").getArr()));
            for (int b = 1; b < architecture.blocks(); b++) {
                int c = architecture.channels(b);
                float[] mean = out.get(MEAN + b).data().asFloat();
                float[] var = out.get(VAR + b).data().asFloat();
                float[] beta = sd.getVariable(BETA + b).getArr().data().asFloat();
                INDArray wArr = sd.getVariable("w" + b).getArr();
                float[] w = wArr.dup().data().asFloat();
                float[] bias = sd.getVariable("b" + b).getArr().dup().data().asFloat();
                for (int o = 0; o < c; o++) {
                    float scale = (float) (1 / Math.sqrt(var[o] + EPSILON));
                    for (int k = o; k < w.length; k += c) { // [kH, kW, in, out]: out is the fastest axis
                        w[k] *= scale;
                    }
                    bias[o] = (bias[o] - mean[o]) * scale + beta[o];
                }
                t.put("w" + b, new Tensor(wArr.shape(), w));
                t.put("b" + b, new Tensor(new long[] {c}, bias));
            }
            out.values().forEach(INDArray::close);
        }
        for (String head : new String[] {"wh", "bh", "wg", "bg"}) {
            if (sd.hasVariable(head)) {
                t.put(head, copy(sd.getVariable(head).getArr()));
            }
        }
        return new NetworkWeights(architecture, t);
    }

    private static Tensor copy(INDArray a) {
        return new Tensor(a.shape(), a.dup().data().asFloat());
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
