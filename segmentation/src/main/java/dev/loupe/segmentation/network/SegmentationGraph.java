package dev.loupe.segmentation.network;

import dev.loupe.engine.network.Convolutions;
import dev.loupe.engine.network.Tensor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The segmentation network as a SameDiff graph, for training ({@link SegmentationForward} runs the
 * same network for detection).
 *
 * <p>Loss: class-weighted cross-entropy per pixel (defects are often under 2 % of the pixels, so
 * rare classes weigh more), plus soft Dice terms, half on "any anomaly" against background and
 * half the mean over the anomaly classes the batch shows, which reward overlap directly and keep
 * thin shapes (cracks, scratches) from being traded away for the easy background or the bigger
 * classes.
 *
 * <p>Owns its graph and arrays; {@link #close()} releases them. Not thread-safe.
 */
public final class SegmentationGraph implements AutoCloseable {
    private static final String INPUT = "input";
    private static final String TARGET = "target";
    private static final String WEIGHT = "weight";
    private static final String LOSS = "loss";
    private static final String PROBABILITIES = "probabilities";

    private final SegmentationArchitecture architecture;
    private final SameDiff sd;

    /**
     * @param learningRate the Adam step size
     */
    public SegmentationGraph(SegmentationWeights weights, double learningRate) {
        this.architecture = weights.architecture();
        sd = SameDiff.create();
        int s = architecture.inputSize();
        int k = architecture.outputs();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 3, s, s);
        SDVariable[] encoder = new SDVariable[architecture.levels()];
        SDVariable x = input;
        for (int l = 0; l < architecture.levels(); l++) {
            if (l > 0) {
                x = sd.cnn().maxPooling2d(x, Convolutions.POOL2);
            }
            x = sd.nn().relu(conv(weights, "e" + l, x, Convolutions.CONV3), 0);
            encoder[l] = x;
        }
        for (int l = architecture.levels() - 2; l >= 0; l--) {
            // Upsample the coarser features, project them to this level's width, add the skip.
            SDVariable up = sd.cnn().upsampling2d(x, 2, 2, true);
            SDVariable merged = conv(weights, "p" + l, up, Convolutions.CONV1).add(encoder[l]);
            x = sd.nn().relu(conv(weights, "d" + l, sd.nn().relu(merged, 0), Convolutions.CONV3), 0);
        }
        SDVariable logits = conv(weights, "h", x, Convolutions.CONV1);
        SDVariable top = logits.max(true, 1);
        SDVariable shifted = logits.sub(top);
        SDVariable exp = sd.math().exp(shifted);
        SDVariable sum = exp.sum(true, 1);
        // The loss below divides exp by sum again rather than reusing this output. Sharing it is
        // the same function, but it sums the gradients in another order: the losses differ from
        // the second epoch's fourth digit, and every figure in docs/benchmarks.md with them.
        // Fold it in with the next change that re-measures those figures anyway.
        exp.div(PROBABILITIES, sum);
        SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, k, s, s);
        SDVariable weight = sd.placeHolder(WEIGHT, DataType.FLOAT, -1, 1, s, s);
        SDVariable logProbabilities = shifted.sub(sd.math().log(sum));
        SDVariable crossEntropy = target.mul(logProbabilities).sum(true, 1).mul(weight).sum()
                .div(weight.sum()).neg();
        // Soft Dice of "any anomaly": 1 - P(background) against 1 - target(background).
        SDVariable background = sd.constant(Nd4j.zeros(DataType.FLOAT, 1, k, 1, 1).putScalar(0, 1f));
        SDVariable anomalyProbability = sd.constant(Nd4j.scalar(1f))
                .sub(exp.div(sum).mul(background).sum(true, 1));
        SDVariable anomalyTarget = sd.constant(Nd4j.scalar(1f)).sub(target.mul(background).sum(true, 1));
        SDVariable overlap = anomalyProbability.mul(anomalyTarget).sum();
        SDVariable dice = sd.constant(Nd4j.scalar(1f)).sub(overlap.mul(2).add(1)
                .div(anomalyProbability.sum().add(anomalyTarget.sum()).add(1)));
        if (k == 2) {
            // One anomaly class: its Dice is the "any anomaly" Dice, computed once.
            crossEntropy.add(LOSS, dice);
        } else {
            // The mean soft Dice of each anomaly class takes half the weight, so that a thin,
            // rare class (scratches beside stains) is not left to the any-anomaly term, which
            // the big classes dominate.
            SDVariable probabilities = exp.div(sum);
            SDVariable classOverlap = probabilities.mul(target).sum(0, 2, 3);
            SDVariable classTruth = target.sum(0, 2, 3);
            SDVariable classDice = sd.constant(Nd4j.scalar(1f)).sub(classOverlap.mul(2).add(1)
                    .div(probabilities.sum(0, 2, 3).add(classTruth).add(1)));
            // Averaged over the anomaly classes the batch shows: for a class the batch lacks, soft
            // Dice only says "predict none of it", which the cross-entropy already says pixel by
            // pixel; counted in the mean, it pushed the rarest class down in most batches.
            float[] anomalyClasses = new float[k];
            Arrays.fill(anomalyClasses, 1, k, 1f);
            SDVariable shown = classTruth.gt(0).castTo(DataType.FLOAT)
                    .mul(sd.constant(Nd4j.create(anomalyClasses, new long[] {k}, DataType.FLOAT)));
            SDVariable meanClassDice = classDice.mul(shown).sum().div(shown.sum().add(1e-6));
            crossEntropy.add(LOSS, dice.mul(0.5).add(meanClassDice.mul(0.5)));
        }
        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(TARGET)
                // The per-pixel weights travel as the "label mask": SameDiff's fit feeds
                // placeholders only through these mappings.
                .dataSetLabelMaskMapping(WEIGHT)
                .build());
    }

    private SDVariable conv(SegmentationWeights weights, String name, SDVariable x, Conv2DConfig config) {
        SDVariable w = sd.var(name + ".w", array(weights.get(name + ".w")));
        SDVariable b = sd.var(name + ".b", array(weights.get(name + ".b")));
        return sd.cnn().conv2d(x, w, b, config);
    }

    private static INDArray array(Tensor t) {
        return Nd4j.create(t.data(), t.shape(), DataType.FLOAT);
    }

    /**
     * One optimisation step.
     *
     * @param inputs  {@code n x 3 x s x s}, normalised
     * @param targets {@code n x classes+1 x s x s}, one-hot
     * @param weights {@code n x 1 x s x s}, the loss weight of each pixel
     * @param measure whether to compute the loss before the step (one extra forward pass)
     * @return the loss before the step, or NaN when not measured
     */
    public double step(float[] inputs, float[] targets, float[] weights, int n, boolean measure) {
        int s = architecture.inputSize();
        try (INDArray x = Nd4j.create(inputs, new long[] {n, 3, s, s}, DataType.FLOAT);
             INDArray y = Nd4j.create(targets, new long[] {n, architecture.outputs(), s, s}, DataType.FLOAT);
             INDArray w = Nd4j.create(weights, new long[] {n, 1, s, s}, DataType.FLOAT)) {
            double loss = Double.NaN;
            if (measure) {
                try (INDArray l = sd.output(Map.of(INPUT, x, TARGET, y, WEIGHT, w), LOSS).get(LOSS)) {
                    loss = l.getDouble(0);
                }
            }
            sd.fit(new MultiDataSet(new INDArray[] {x}, new INDArray[] {y}, null, new INDArray[] {w}));
            return loss;
        }
    }

    /**
     * Class probabilities of one normalised image, {@code [classes+1][s*s]} flattened class-major.
     */
    public float[] probabilities(float[] input) {
        int s = architecture.inputSize();
        try (INDArray x = Nd4j.create(input, new long[] {1, 3, s, s}, DataType.FLOAT)) {
            Map<String, INDArray> out = sd.output(Map.of(INPUT, x), PROBABILITIES);
            try (INDArray p = out.get(PROBABILITIES)) {
                return p.data().asFloat();
            }
        }
    }

    /** The current parameters, copied out of native memory. */
    public SegmentationWeights weights() {
        Map<String, Tensor> t = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                INDArray a = v.getArr();
                t.put(v.name(), new Tensor(a.shape(), a.dup().data().asFloat()));
            }
        }
        return new SegmentationWeights(architecture, t);
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
