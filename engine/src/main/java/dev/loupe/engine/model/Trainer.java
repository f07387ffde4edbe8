package dev.loupe.engine.model;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.image.Resizer;
import dev.loupe.engine.network.ForwardPass;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.network.Tensor;
import dev.loupe.engine.network.TrainingGraph;
import dev.loupe.engine.preprocess.CutPaste;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.Label;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Trains a classification model.
 *
 * <pre>{@code
 * TrainedModel model = new Trainer(ModelConfig.defaults()).train(trainImages, List.of(), progress);
 * }</pre>
 *
 * <p>With labelled anomalies among the training images the network learns from them; with normal
 * images only it keeps its seeded initial weights and scores by patch memory. Calibration uses
 * the validation images given, or a seeded stratified share of the training images; a supervised
 * model also fits there how much the images' appearance distance adds to the network's score
 * ({@link ScoreFusion}). Unlabeled images are ignored, as the service ignored them.
 *
 * <p>Deterministic: one seed, every random stream split from it by purpose. Stateless; each call
 * owns its native memory and releases it before returning.
 */
public final class Trainer {
    private static final long SPLIT = 1;
    private static final long INIT = 2;
    private static final long SHUFFLE = 3;
    private static final long AUGMENT = 4;
    private static final long MEMORY = 5;
    private static final long SYNTHETIC = 6;
    /** Folds for the appearance distances of normal training images (see {@link #heldOutDistances}). */
    private static final int FOLDS = 10;

    private final ModelConfig config;
    private final NetworkWeights startWeights;

    public Trainer(ModelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.startWeights = null;
    }

    /**
     * A trainer that starts from given weights (a user's backbone, see
     * {@link dev.loupe.engine.network.Dl4jBackbone}) instead of seeded random ones.
     *
     * @throws IllegalArgumentException when the weights' architecture is not the configuration's
     */
    public Trainer(ModelConfig config, NetworkWeights start) {
        this.config = Objects.requireNonNull(config, "config");
        this.startWeights = Objects.requireNonNull(start, "start");
        if (!start.architecture().equals(config.architecture())) {
            throw new IllegalArgumentException("starting weights are for " + start.architecture()
                    + " but the configuration asks for " + config.architecture());
        }
    }

    public ModelConfig config() {
        return config;
    }

    /**
     * Trains on {@code train}, calibrating on {@code validation} (or, when it is empty, on a
     * held-out share of {@code train}).
     *
     * @throws IllegalArgumentException when there are too few normal images to train and calibrate
     */
    public TrainedModel train(List<LabeledImage> train, List<LabeledImage> validation, TrainingProgress.Listener listener) {
        long start = System.nanoTime();
        listener.onProgress(progress(TrainingProgress.Stage.PREPARING, 0, Double.NaN, start, 0, 0));
        List<LabeledImage> labeled = train.stream().filter(i -> i.label() != Label.UNLABELED).toList();
        List<LabeledImage> fit;
        List<LabeledImage> calibrate;
        List<LabeledImage> givenValidation = validation.stream()
                .filter(i -> i.label() != Label.UNLABELED).toList();
        if (givenValidation.isEmpty()) {
            Splits.Split split = Splits.stratified(labeled, config.validationFraction(), Seeds.mix(config.seed(), SPLIT));
            fit = split.first();
            calibrate = split.second();
        } else {
            fit = labeled;
            calibrate = givenValidation;
        }
        long fitNormal = fit.stream().filter(i -> !i.anomalous()).count();
        if (fitNormal < 1 || calibrate.stream().noneMatch(i -> !i.anomalous())) {
            throw new IllegalArgumentException("training needs normal images both to learn from and to calibrate on: "
                    + fitNormal + " normal for training, "
                    + calibrate.stream().filter(i -> !i.anomalous()).count() + " for calibration");
        }
        int size = config.architecture().inputSize();
        boolean supervised = fit.stream().anyMatch(LabeledImage::anomalous);
        boolean appearance = supervised && config.appearance();
        List<float[]> fitInputs = planar(fit, size);
        List<float[]> calibrationInputs = planar(calibrate, size);
        // Described before the normalisation, which is the network's and changes with the data.
        List<double[]> fitLooks = appearance ? describe(fitInputs, size) : List.of();
        List<double[]> calibrationLooks = appearance ? describe(calibrationInputs, size) : List.of();
        Normalization normalization = Normalization.fit(fitInputs);
        fitInputs.forEach(normalization::apply);
        calibrationInputs.forEach(normalization::apply);

        NetworkWeights initial = startWeights != null ? startWeights : NetworkWeights.initial(config.architecture(), Seeds.mix(config.seed(), INIT));
        NetworkWeights weights;
        Optional<Tensor> memory = Optional.empty();
        if (supervised) {
            weights = fitNetwork(initial, fit, fitInputs, listener, start);
        } else {
            weights = initial;
            listener.onProgress(progress(TrainingProgress.Stage.MEMORY, 0, Double.NaN, start, 0, 0.8));
            memory = Optional.of(buildMemory(weights, fitInputs));
        }
        ScoringMode mode = supervised ? ScoringMode.SUPERVISED : ScoringMode.PATCH_MEMORY;

        listener.onProgress(progress(TrainingProgress.Stage.CALIBRATING, 0, Double.NaN, start, 0, 0.95));
        double[] scores = rawScores(weights, mode, memory, calibrationInputs);
        // Three normal images at least, so every held-out Gaussian still has two to fit.
        Optional<ScoreFusion> fusion = appearance && fitNormal >= 3
                ? fitFusion(fit, fitLooks, calibrate, calibrationLooks, scores) : Optional.empty();
        if (fusion.isPresent()) {
            ScoreFusion f = fusion.get();
            for (int i = 0; i < scores.length; i++) {
                scores[i] = f.fuse(scores[i], f.appearanceTerm(calibrationLooks.get(i)));
            }
        }
        double[] normal = split(scores, calibrate, false);
        double[] anomalies = split(scores, calibrate, true);
        Calibration calibration = Calibration.fit(normal, anomalies);

        double seconds = (System.nanoTime() - start) / 1e9;
        Provenance provenance = new Provenance(Provenance.datasetHash(fit, calibrate),
                (int) fitNormal, (int) (fit.size() - fitNormal), normal.length, anomalies.length,
                config.seed(), config + (startWeights == null ? "" : "; started from supplied weights " + weightsHash(startWeights)),
                Provenance.currentEnvironment(), seconds);
        listener.onProgress(progress(TrainingProgress.Stage.DONE, config.epochs(), Double.NaN, start, 0, 1));
        return new TrainedModel(TrainedModel.CLASSIFICATION, weights, normalization, mode, memory, fusion, calibration, provenance,
                Map.of());
    }

    private NetworkWeights fitNetwork(NetworkWeights initial, List<LabeledImage> fit, List<float[]> inputs,
                                      TrainingProgress.Listener listener, long start) {
        int n = fit.size();
        int size = config.architecture().inputSize();
        int plane = 3 * size * size;
        long anomalies = fit.stream().filter(LabeledImage::anomalous).count();
        // Class-balanced loss: each class contributes half, whatever the counts.
        float positiveWeight = (float) (n / (2.0 * anomalies));
        float negativeWeight = (float) (n / (2.0 * (n - anomalies)));
        SplittableRandom shuffle = new SplittableRandom(Seeds.mix(config.seed(), SHUFFLE));
        // Drawn in batch order, one stream for the run: which normal images become defects, and how.
        SplittableRandom synthetic = new SplittableRandom(Seeds.mix(config.seed(), SYNTHETIC));
        CutPaste cutPaste = CutPaste.standard();
        int margin = config.architecture().scoreMargin() * (size / config.architecture().mapSize());
        long trainStart = System.nanoTime();
        try (TrainingGraph graph = new TrainingGraph(initial, config.learningRate())) {
            int[] order = IntStream.range(0, n).toArray();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                Seeds.shuffle(order, shuffle);
                double lossSum = Double.NaN;
                int batches = 0;
                for (int from = 0; from < n; from += config.batchSize()) {
                    int count = Math.min(config.batchSize(), n - from);
                    if (count < 2 && from > 0) {
                        break; // a batch of one has no batch statistics to normalise with
                    }
                    float[] batch = new float[count * plane];
                    float[] labels = new float[count];
                    float[] lossWeights = new float[count];
                    int batchStart = from;
                    int epochNumber = epoch;
                    // Each image's augmentation has its own stream, so the batch can be made in parallel.
                    IntStream.range(0, count).parallel().forEach(k -> {
                        int index = order[batchStart + k];
                        float[] dst = new float[plane];
                        config.augmenter().apply(inputs.get(index), dst, size,
                                Seeds.perImage(config.seed(), AUGMENT, epochNumber, index));
                        System.arraycopy(dst, 0, batch, k * plane, plane);
                    });
                    for (int k = 0; k < count; k++) {
                        boolean anomalous = fit.get(order[from + k]).anomalous();
                        if (!anomalous && synthetic.nextDouble() < config.syntheticRate()) {
                            // After the augmentation, whose warp would soften the patch's edges.
                            float[] image = Arrays.copyOfRange(batch, k * plane, (k + 1) * plane);
                            cutPaste.apply(image, size, margin, synthetic);
                            System.arraycopy(image, 0, batch, k * plane, plane);
                            anomalous = true;
                        }
                        labels[k] = anomalous ? 1 : 0;
                        lossWeights[k] = anomalous ? positiveWeight : negativeWeight;
                    }
                    // The loss of each epoch's first batch, before its step: progress, not a metric.
                    double loss = graph.step(batch, labels, lossWeights, batches == 0);
                    if (batches == 0) {
                        lossSum = loss;
                    }
                    batches++;
                }
                double elapsed = (System.nanoTime() - trainStart) / 1e9;
                double remaining = elapsed / epoch * (config.epochs() - epoch);
                listener.onProgress(progress(TrainingProgress.Stage.TRAINING, epoch, lossSum, start,
                        remaining, 0.9 * epoch / config.epochs()));
            }
            // Batch statistics for folding: the un-augmented training images, at most 64 of them.
            return graph.foldedWeights(inputs.subList(0, Math.min(64, inputs.size())));
        }
    }

    private Tensor buildMemory(NetworkWeights weights, List<float[]> inputs) {
        List<float[]> maps = new ArrayList<>();
        try (ForwardPass net = new ForwardPass(weights)) {
            for (float[] in : inputs) {
                maps.add(net.forward(in, true).features());
            }
        }
        return PatchMemory.build(maps, weights.architecture().featureChannels(), config.memoryBankSize(),
                Seeds.mix(config.seed(), MEMORY));
    }

    /** Raw image scores of normalised inputs, as a detector computes them. */
    static double[] rawScores(NetworkWeights weights, ScoringMode mode, Optional<Tensor> memory, List<float[]> inputs) {
        double[] out = new double[inputs.size()];
        try (CellScorer scorer = new CellScorer(weights, mode, memory)) {
            for (int i = 0; i < out.length; i++) {
                out[i] = weights.architecture().imageScore(scorer.cells(inputs.get(i)));
            }
        }
        return out;
    }

    /** The scores of the normal ({@code anomalous == false}) or the anomalous images, in order. */
    private static double[] split(double[] scores, List<LabeledImage> images, boolean anomalous) {
        return IntStream.range(0, scores.length).filter(i -> images.get(i).anomalous() == anomalous)
                .mapToDouble(i -> scores[i]).toArray();
    }

    /**
     * The appearance Gaussian of the normal training images and its weight beside the network's
     * validation scores (see {@link ScoreFusion} for why the training images count too).
     */
    private static Optional<ScoreFusion> fitFusion(List<LabeledImage> fit, List<double[]> fitLooks,
                                                   List<LabeledImage> calibrate, List<double[]> calibrationLooks,
                                                   double[] networkScores) {
        List<double[]> normalLooks = IntStream.range(0, fit.size()).filter(i -> !fit.get(i).anomalous())
                .mapToObj(fitLooks::get).toList();
        AppearanceModel looks = AppearanceModel.fit(normalLooks);
        double[] distances = calibrationLooks.stream().mapToDouble(looks::distance).toArray();
        double[] anomalousFit = IntStream.range(0, fit.size()).filter(i -> fit.get(i).anomalous())
                .mapToDouble(i -> looks.distance(fitLooks.get(i))).toArray();
        return ScoreFusion.fit(looks, split(networkScores, calibrate, false), split(networkScores, calibrate, true),
                DoubleStream.concat(Arrays.stream(split(distances, calibrate, false)),
                        Arrays.stream(heldOutDistances(normalLooks))).toArray(),
                DoubleStream.concat(Arrays.stream(split(distances, calibrate, true)), Arrays.stream(anomalousFit)).toArray());
    }

    /**
     * The distance of each normal description from a Gaussian fitted without it: {@value #FOLDS}
     * folds (leave-one-out up to that many), so the distances are what unseen normal images get.
     */
    private static double[] heldOutDistances(List<double[]> normal) {
        int folds = Math.min(FOLDS, normal.size());
        double[] out = new double[normal.size()];
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            AppearanceModel without = AppearanceModel.fit(IntStream.range(0, normal.size()).filter(i -> i % folds != f)
                    .mapToObj(normal::get).toList());
            for (int i = fold; i < out.length; i += folds) {
                out[i] = without.distance(normal.get(i));
            }
        }
        return out;
    }

    private static List<double[]> describe(List<float[]> planar, int size) {
        return planar.parallelStream().map(p -> new AppearanceFeatures(size).describe(p)).toList();
    }

    private static List<float[]> planar(List<LabeledImage> images, int size) {
        return images.parallelStream().map(i -> Resizer.toPlanar(i.image(), size)).toList();
    }

    private TrainingProgress progress(TrainingProgress.Stage stage, int epoch, double loss, long start,
                                      double remainingSeconds, double fraction) {
        return new TrainingProgress(stage, epoch, config.epochs(), loss, Duration.ofNanos(System.nanoTime() - start),
                Duration.ofMillis((long) (remainingSeconds * 1000)), fraction);
    }

    private static String weightsHash(NetworkWeights w) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : new java.util.TreeSet<>(w.tensors().keySet())) {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                for (float f : w.get(name).data()) {
                    int bits = Float.floatToIntBits(f);
                    sha.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
                }
            }
            return "sha256 " + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
