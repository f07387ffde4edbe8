package dev.loupe.segmentation.model;

import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.image.ClassMask;
import dev.loupe.engine.image.Resizer;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.Seeds;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationForward;
import dev.loupe.segmentation.network.SegmentationGraph;
import dev.loupe.segmentation.network.SegmentationWeights;
import dev.loupe.segmentation.network.WeightAverage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Trains a segmentation model: images with class masks in, an immutable {@link SegmentationModel}
 * out. A seeded, stratified fraction of the images is held out to calibrate the image-level
 * decision (maximum F1, or the normal-tail rule without anomalies), as the classification engine
 * does; with two anomaly classes or more, also the {@link ClassOffsets} that settle which class a
 * defect pixel gets, then each class's pixel threshold and the {@link RegionClassifier} that may
 * settle the class of each region ({@link PixelThresholds} says how the two depend on each other).
 *
 * <pre>{@code
 * SegmentationModel m = new SegmentationTrainer(SegmentationConfig.defaults()).train(images, classes, listener);
 * }</pre>
 *
 * <p>Thread-safe to share; each call trains independently.
 */
public final class SegmentationTrainer {
    private static final long SPLIT = 1;
    private static final long INIT = 2;
    private static final long SHUFFLE = 3;
    private static final long AUGMENT = 4;
    private static final long PASTE = 5;
    /** Rare classes weigh more per pixel, up to this many times the background. */
    private static final double MAX_CLASS_WEIGHT = 30;
    /** The share of a network pixel that anomalous mask pixels must cover to make it anomalous. */
    static final double COVERAGE = 0.25;

    private final SegmentationConfig config;

    public SegmentationTrainer(SegmentationConfig config) {
        this.config = config;
    }

    public SegmentationConfig config() {
        return config;
    }

    /**
     * @param images  labelled images with their masks (unlabelled ones are ignored)
     * @param classes the anomaly classes the masks' indexes 1..n stand for
     * @throws IllegalArgumentException when there are no normal images to learn from or calibrate on
     */
    public SegmentationModel train(List<SegmentedImage> images, List<AnomalyClass> classes,
                                   TrainingProgress.Listener listener) {
        long start = System.nanoTime();
        // The configured epochs: the plan that may lengthen them needs the masks, read below.
        listener.onProgress(progress(TrainingProgress.Stage.PREPARING, 0, config.epochs(), Double.NaN, start, 0, 0));
        SegmentationData.Split split = SegmentationData.stratified(images, config.validationFraction(),
                Seeds.mix(config.seed(), SPLIT));
        List<SegmentedImage> fit = split.first();
        List<SegmentedImage> calibrate = split.second();
        if (fit.stream().noneMatch(i -> !i.image().anomalous()) || calibrate.stream().noneMatch(i -> !i.image().anomalous())) {
            throw new IllegalArgumentException("training needs normal images both to learn from and to calibrate on");
        }
        int size = config.inputSize();
        List<float[]> fitInputs = fit.parallelStream().map(i -> Resizer.toPlanar(i.image().image(), size)).toList();
        Normalization normalization = Normalization.fit(fitInputs);
        fitInputs.forEach(normalization::apply);
        List<byte[]> fitMasks = fit.stream().map(i -> targetMask(i, size)).toList();

        DefectWidths.Plan plan = DefectWidths.plan(config, fitMasks, classes.size());
        SegmentationArchitecture architecture = new SegmentationArchitecture(size, plan.channels(), classes.size());
        int epochs = plan.epochs();
        SegmentationWeights trained = fitNetwork(architecture, epochs, fit, fitInputs, fitMasks, listener, start);
        // The validation images as the network sees them, for the class offsets and the calibration.
        List<float[]> calibrationInputs = calibrate.parallelStream().map(i -> Resizer.toPlanar(i.image().image(), size))
                .toList();
        calibrationInputs.forEach(normalization::apply);
        SegmentationWeights weights = classes.size() < 2 ? trained
                : ClassOffsets.fold(trained, classOffsets(trained, calibrate, calibrationInputs));

        listener.onProgress(progress(TrainingProgress.Stage.CALIBRATING, epochs, epochs, Double.NaN, start, 0, 0.95));
        List<Double> normal = new ArrayList<>();
        List<Double> anomalous = new ArrayList<>();
        int classCount = classes.size();
        PixelThresholds pixels = new PixelThresholds(classCount);
        // Kept for the region classifier's weight, for the images whose defects have masks (null
        // for the others): its search needs the thresholds this loop is counting for.
        List<float[]> defectProbabilities = new ArrayList<>();
        try (SegmentationForward network = new SegmentationForward(weights)) {
            for (int v = 0; v < calibrate.size(); v++) {
                SegmentedImage i = calibrate.get(v);
                float[] p = network.probabilities(calibrationInputs.get(v));
                defectProbabilities.add(classCount > 1 && hasDefectMask(i) ? p : null);
                double score = SegmentationDetector.imageScore(p, architecture);
                (i.image().anomalous() ? anomalous : normal).add(score);
                if (i.hasPixelTruth()) {
                    // At the image's own size, as detection answers and evaluation judges.
                    int w = i.image().image().width();
                    int h = i.image().image().height();
                    byte[] truth = i.maskAt(w, h);
                    float[] anomaly = new float[w * h];
                    byte[] best = new byte[w * h];
                    SegmentationDetector.toImageSize(p, architecture, w, h, anomaly, best);
                    pixels.add(truth, anomaly, best);
                }
            }
        }
        double[] regionThresholds = pixels.regionClasses();
        RegionClassifier regions = classCount < 2 ? RegionClassifier.NONE
                : regionClassifier(architecture, regionThresholds, fit, calibrate, defectProbabilities);
        double[] pixelThresholds = regions.active() ? regionThresholds : pixels.networkClasses();
        Calibration calibration = Calibration.fit(normal.stream().mapToDouble(d -> d).toArray(),
                anomalous.stream().mapToDouble(d -> d).toArray());
        long fitNormal = fit.stream().filter(i -> !i.image().anomalous()).count();
        int averaged = config.averagedEpochs(epochs);
        Provenance provenance = new Provenance(Provenance.datasetHash(images(fit), images(calibrate)), (int) fitNormal,
                (int) (fit.size() - fitNormal), normal.size(), anomalous.size(), config.seed(),
                // What the defects' widths made of the configuration.
                config + "; trained " + epochs + " epochs, channels " + Arrays.toString(plan.channels())
                        + (averaged > 1 ? ", weights averaged over the last " + averaged + " epochs" : ""),
                Provenance.currentEnvironment(), (System.nanoTime() - start) / 1e9);
        listener.onProgress(progress(TrainingProgress.Stage.DONE, epochs, epochs, Double.NaN, start, 0, 1));
        return new SegmentationModel(classes, weights, normalization, calibration, pixelThresholds, regions,
                provenance, Map.of());
    }

    private SegmentationWeights fitNetwork(SegmentationArchitecture architecture, int epochs, List<SegmentedImage> fit,
                                           List<float[]> inputs, List<byte[]> masks,
                                           TrainingProgress.Listener listener, long start) {
        int n = fit.size();
        int size = architecture.inputSize();
        int pixels = size * size;
        int outputs = architecture.outputs();
        float[] classWeights = classWeights(fit, masks, outputs);
        SplittableRandom shuffle = new SplittableRandom(Seeds.mix(config.seed(), SHUFFLE));
        DefectPaste paste = new DefectPaste(config.pasteRate(), inputs, masks, outputs - 1);
        long trainStart = System.nanoTime();
        try (SegmentationGraph graph = new SegmentationGraph(SegmentationWeights.initial(architecture,
                Seeds.mix(config.seed(), INIT)), config.learningRate())) {
            int[] order = IntStream.range(0, n).toArray();
            // The model is the mean of the last epochs' weights: at a constant learning rate the
            // weights swing from one epoch to the next, and the last epoch's are one draw of that
            // swing (docs/benchmarks.md, "The weights averaged over the last epochs").
            int averageFrom = epochs - config.averagedEpochs(epochs) + 1;
            WeightAverage average = new WeightAverage(architecture);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                Seeds.shuffle(order, shuffle);
                double firstLoss = Double.NaN;
                for (int from = 0; from < n; from += config.batchSize()) {
                    int count = Math.min(config.batchSize(), n - from);
                    float[] batch = new float[count * 3 * pixels];
                    float[] targets = new float[count * outputs * pixels];
                    float[] weights = new float[count * pixels];
                    int batchStart = from;
                    int epochNumber = epoch;
                    // Each image's augmentation has its own stream, so the batch can be made in parallel.
                    IntStream.range(0, count).parallel().forEach(k -> {
                        int index = order[batchStart + k];
                        float[] image = new float[3 * pixels];
                        byte[] mask = new byte[pixels];
                        DefectPaste.Sample source = paste.apply(inputs.get(index), masks.get(index), size,
                                Seeds.perImage(config.seed(), PASTE, epochNumber, index));
                        config.augmenter().apply(source.image(), image, source.mask(), mask, size,
                                Seeds.perImage(config.seed(), AUGMENT, epochNumber, index));
                        System.arraycopy(image, 0, batch, k * 3 * pixels, 3 * pixels);
                        boolean truth = fit.get(index).hasPixelTruth();
                        for (int p = 0; p < pixels; p++) {
                            int c = mask[p] & 0xFF;
                            targets[(k * outputs + c) * pixels + p] = 1;
                            // An anomalous image without a mask teaches no pixel.
                            weights[k * pixels + p] = truth ? classWeights[c] : 0;
                        }
                    });
                    double loss = graph.step(batch, targets, weights, count, from == 0);
                    if (from == 0) {
                        firstLoss = loss;
                    }
                }
                double elapsed = (System.nanoTime() - trainStart) / 1e9;
                listener.onProgress(progress(TrainingProgress.Stage.TRAINING, epoch, epochs, firstLoss, start,
                        elapsed / epoch * (epochs - epoch), 0.9 * epoch / epochs));
                if (epoch >= averageFrom) {
                    average.add(graph.weights());
                }
            }
            return average.mean(); // of the last epoch alone when nothing is averaged
        }
    }

    /** {@link ClassOffsets} fitted on the defect pixels of the validation images, at the network's size. */
    private static double[] classOffsets(SegmentationWeights weights, List<SegmentedImage> calibrate,
                                         List<float[]> inputs) {
        SegmentationArchitecture a = weights.architecture();
        int size = a.inputSize();
        int plane = size * size;
        int classCount = a.classes();
        List<float[]> logProbabilities = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        try (SegmentationForward network = new SegmentationForward(weights)) {
            for (int v = 0; v < calibrate.size(); v++) {
                SegmentedImage i = calibrate.get(v);
                if (!hasDefectMask(i)) {
                    continue;
                }
                float[] p = network.probabilities(inputs.get(v));
                byte[] mask = targetMask(i, size);
                for (int o = 0; o < plane; o++) {
                    int t = mask[o] & 0xFF;
                    if (t != 0) {
                        float[] logP = new float[classCount];
                        for (int c = 1; c <= classCount; c++) {
                            logP[c - 1] = (float) Math.log(Math.max(1e-12, p[c * plane + o]));
                        }
                        logProbabilities.add(logP);
                        truth.add(t - 1);
                    }
                }
            }
        }
        return ClassOffsets.fit(logProbabilities.toArray(float[][]::new),
                truth.stream().mapToInt(Integer::intValue).toArray(), classCount);
    }

    /**
     * The {@link RegionClassifier}: its Gaussians from the regions of the training masks, its weight
     * from the regions detection finds on the validation images ({@link RegionClassifier#bestWeight});
     * {@link RegionClassifier#NONE} when there are not two training regions.
     *
     * <p>The masks' regions, not those detection finds on the training images: the network has
     * learnt those images and outlines their defects as it outlines no new image's. On the
     * generated fabric it broke the training cracks into small fragments, and a classifier
     * learnt from them took the test images' whole cracks for scratches (docs/benchmarks.md).
     *
     * @param probabilities per validation image, the network's class probabilities, or null for an
     *                      image without a defect mask
     */
    static RegionClassifier regionClassifier(SegmentationArchitecture a, double[] pixelThresholds,
                                             List<SegmentedImage> fit, List<SegmentedImage> calibrate,
                                             List<float[]> probabilities) {
        int k = a.classes();
        List<List<double[]>> training = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            training.add(new ArrayList<>());
        }
        for (SegmentedImage i : fit) {
            if (hasDefectMask(i)) {
                RgbImage image = i.image().image();
                for (DefectRegions.Region r : DefectRegions.find(image, i.maskAt(image.width(), image.height()))) {
                    training.get(r.classIndex() - 1).add(r.features());
                }
            }
        }
        if (training.stream().mapToInt(List::size).sum() < 2) {
            return RegionClassifier.NONE;
        }
        RegionClassifier unweighted = RegionClassifier.gaussians(training);
        float[] thresholds = SegmentationDetector.byClass(pixelThresholds);
        List<RegionClassifier.Judged> validation = new ArrayList<>();
        for (int v = 0; v < calibrate.size(); v++) {
            float[] p = probabilities.get(v);
            if (p == null) {
                continue;
            }
            RgbImage image = calibrate.get(v).image().image();
            int w = image.width();
            int h = image.height();
            byte[] classes = SegmentationDetector.classMap(p, a, w, h, thresholds, new float[w * h]);
            byte[] mask = calibrate.get(v).maskAt(w, h);
            for (DefectRegions.Region r : DefectRegions.find(image, classes)) {
                long[] truth = new long[k];
                for (int o : r.pixels()) {
                    if (mask[o] != 0) {
                        truth[mask[o] - 1]++;
                    }
                }
                validation.add(new RegionClassifier.Judged(RegionClassifier.networkShares(r, w, h, p, a),
                        unweighted.logPosterior(r.features()), truth));
            }
        }
        return unweighted.withWeight(RegionClassifier.bestWeight(validation, k));
    }

    private static boolean hasDefectMask(SegmentedImage i) {
        return i.hasPixelTruth() && i.image().anomalous();
    }

    /**
     * The class mask at the network's size, all background for normal images. A network pixel
     * takes the most frequent anomaly class of the mask pixels it covers when they cover at least
     * {@link #COVERAGE} of it: sampling one mask pixel per network pixel (nearest) breaks a crack one
     * or two pixels wide into dashes when the photo is three or four times the network's size, and
     * teaches the network that the gaps are background.
     */
    static byte[] targetMask(SegmentedImage i, int size) {
        if (i.mask().isEmpty()) {
            return new byte[size * size];
        }
        ClassMask m = i.mask().get();
        byte[] out = new byte[size * size];
        int[] counts = new int[256];
        for (int y = 0; y < size; y++) {
            // The mask rows this network row covers: at least one, never past the last.
            int y0 = (int) ((long) y * m.height() / size);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * m.height() / size));
            for (int x = 0; x < size; x++) {
                int x0 = (int) ((long) x * m.width() / size);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * m.width() / size));
                int anomalous = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        int c = m.classAt(sx, sy);
                        if (c != 0) {
                            counts[c]++;
                            anomalous++;
                        }
                    }
                }
                if (anomalous == 0) {
                    continue; // counts untouched: nothing to reset
                }
                if (anomalous >= COVERAGE * (y1 - y0) * (x1 - x0)) {
                    int best = 1;
                    for (int c = 2; c < counts.length; c++) {
                        if (counts[c] > counts[best]) {
                            best = c;
                        }
                    }
                    out[y * size + x] = (byte) best;
                }
                Arrays.fill(counts, 0);
            }
        }
        return out;
    }

    /** Per-class pixel weights: the square root of how much rarer than background, capped. */
    private static float[] classWeights(List<SegmentedImage> fit, List<byte[]> masks, int outputs) {
        long[] counts = new long[outputs];
        for (int i = 0; i < masks.size(); i++) {
            if (fit.get(i).hasPixelTruth()) {
                for (byte b : masks.get(i)) {
                    counts[b & 0xFF]++;
                }
            }
        }
        float[] w = new float[outputs];
        w[0] = 1;
        for (int c = 1; c < outputs; c++) {
            w[c] = counts[c] == 0 ? 1 : (float) Math.min(MAX_CLASS_WEIGHT, Math.sqrt((double) counts[0] / counts[c]));
        }
        return w;
    }

    private static TrainingProgress progress(TrainingProgress.Stage stage, int epoch, int epochs, double loss,
                                             long start, double remainingSeconds, double fraction) {
        return new TrainingProgress(stage, epoch, epochs, loss, Duration.ofNanos(System.nanoTime() - start),
                Duration.ofMillis((long) (remainingSeconds * 1000)), fraction);
    }

    private static List<LabeledImage> images(List<SegmentedImage> images) {
        return images.stream().map(SegmentedImage::image).toList();
    }
}
