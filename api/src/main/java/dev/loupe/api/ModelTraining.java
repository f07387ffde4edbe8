package dev.loupe.api;

import dev.loupe.api.State.Model;
import dev.loupe.api.model.ModelPerformance;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.OutputConfig;
import dev.loupe.api.model.OutputS3Object;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.ModelFile;
import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.evaluation.Evaluation;
import dev.loupe.engine.evaluation.EvaluationFiles;
import dev.loupe.engine.metrics.Confusion;
import dev.loupe.engine.model.DatasetLoader;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.model.Splits;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.model.Trainer;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestException;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.evaluation.SegmentationEvaluation;
import dev.loupe.segmentation.evaluation.SegmentationEvaluationFiles;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationData;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.model.SegmentationTrainer;
import dev.loupe.segmentation.model.SegmentedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The asynchronous half of CreateModel: decode the datasets' labeled images, split a
 * single-dataset project as the service did (a seeded, stratified fifth held out for testing),
 * train and calibrate, evaluate on the test images, write the evaluation files to the output
 * location and the archive to the workspace, and record TRAINED or TRAINING_FAILED. Progress
 * reaches the model's StatusMessage and the {@link TrainingListener}.
 */
final class ModelTraining {
    private final State state;
    private final ImageLocator locator;
    private final ModelConfig config;
    private final SegmentationConfig segmentationConfig;
    private final TrainingListener listener;

    /**
     * What one CreateModel call trains on, fixed when it was made.
     *
     * @param test null in a single-dataset project
     */
    record Job(String project, String version, List<StoredEntry> train, Path trainBase, List<StoredEntry> test,
               Path testBase, OutputConfig output, boolean segmentation) {
    }

    ModelTraining(State state, ImageLocator locator, ModelConfig config, SegmentationConfig segmentationConfig,
                  TrainingListener listener) {
        this.state = state;
        this.locator = locator;
        this.config = config;
        this.segmentationConfig = segmentationConfig;
        this.listener = listener;
    }

    /**
     * The local file an output object goes to: {@code s3://bucket/prefix+name} through the bucket map.
     *
     * @throws ValidationException when the bucket is not mapped to a folder
     */
    Path outputFile(OutputConfig output, String name) {
        String prefix = output.s3Location().prefix() == null ? "" : output.s3Location().prefix();
        try {
            return locator.resolve("s3://" + output.s3Location().bucket() + "/" + prefix + name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The output location s3://" + output.s3Location().bucket() + "/" + prefix
                    + " cannot be written: " + e.getMessage());
        }
    }

    void run(Job job) {
        try {
            // Decoding a dataset takes a while before the trainer's own first event: say so at once.
            int epochs = job.segmentation() ? segmentationConfig.epochs() : config.epochs();
            progress(job, new TrainingProgress(TrainingProgress.Stage.PREPARING, 0, epochs, Double.NaN,
                    Duration.ZERO, Duration.ZERO, 0));
            if (job.segmentation()) {
                runSegmentation(job);
            } else {
                runClassification(job);
            }
        } catch (ManifestException e) {
            fail(job, "Training failed: the datasets could not be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            fail(job, "Training failed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(job, "Training failed: internal error: " + e);
        }
    }

    private void runClassification(Job job) throws IOException {
        List<LabeledImage> train = load(job.train(), job.trainBase(), "train dataset");
        List<LabeledImage> test;
        if (job.test() != null) {
            test = load(job.test(), job.testBase(), "test dataset");
        } else {
            Splits.Split split = Splits.stratified(train, 0.2, config.seed() * 31 + 7);
            train = split.first();
            test = split.second();
        }
        TrainedModel model = new Trainer(config).train(train, List.of(), p -> progress(job, p));
        Evaluation evaluation;
        try (Detector detector = Detector.open(model)) {
            evaluation = Evaluation.of(detector, test);
        }
        model = model.withMetrics(Map.of("f1", evaluation.f1(), "precision", evaluation.precision(),
                "recall", evaluation.recall(), "rocAuc", evaluation.rocAuc(),
                "averagePrecision", evaluation.averagePrecision()));
        Instant end = state.clock.instant();
        var ref = ref(job);
        finish(job, model.modelType(), evaluation.confusion(), ModelArchive.toBytes(model),
                EvaluationFiles.evaluationManifest(evaluation, ref, end),
                EvaluationFiles.evaluationResult(evaluation, ref, end, train.size(), List.of()), end);
    }

    private void runSegmentation(Job job) throws IOException {
        List<AnomalyClass> classes = classes(job.train());
        List<SegmentedImage> train = loadSegmented(job.train(), job.trainBase(), "train dataset", classes);
        List<SegmentedImage> test;
        if (job.test() != null) {
            test = loadSegmented(job.test(), job.testBase(), "test dataset", classes);
        } else {
            SegmentationData.Split split = SegmentationData.stratified(train, 0.2, segmentationConfig.seed() * 31 + 7);
            train = split.first();
            test = split.second();
        }
        SegmentationModel model = new SegmentationTrainer(segmentationConfig).train(train, classes,
                p -> progress(job, p));
        SegmentationEvaluation evaluation;
        try (SegmentationDetector detector = SegmentationDetector.open(model)) {
            evaluation = SegmentationEvaluation.of(detector, test);
        }
        model = model.withMetrics(Map.of("f1", evaluation.f1(), "precision", evaluation.precision(),
                "recall", evaluation.recall(), "rocAuc", evaluation.rocAuc(), "pixelAuroc", evaluation.pixelAuroc()));
        // The detected masks go beside the evaluation files; the manifest lines name them.
        String folder = "EvaluationMasks-" + job.project() + "-" + job.version() + "/";
        List<String> refs = new ArrayList<>();
        int n = 0;
        for (SegmentationEvaluation.Result r : evaluation.results()) {
            String name = folder + String.format(Locale.ROOT, "%05d.png", ++n);
            OutputS3Object o = write(job.output(), name, r.detection().maskPng());
            refs.add("s3://" + o.bucket() + "/" + o.key());
        }
        Instant end = state.clock.instant();
        var ref = ref(job);
        finish(job, SegmentationModel.SEGMENTATION, evaluation.confusion(), SegmentationArchive.toBytes(model),
                SegmentationEvaluationFiles.evaluationManifest(evaluation, ref, end, refs),
                SegmentationEvaluationFiles.evaluationResult(evaluation, ref, end, train.size()), end);
    }

    private EvaluationFiles.ModelRef ref(Job job) {
        return new EvaluationFiles.ModelRef(state.modelArn(job.project(), job.version()), job.project(), job.version());
    }

    private void finish(Job job, String type, Confusion confusion, byte[] archive, String manifestText,
                        String resultText, Instant end) throws IOException {
        String suffix = job.project() + "-" + job.version() + ".json";
        OutputS3Object manifest = write(job.output(), "EvaluationManifest-" + suffix,
                manifestText.getBytes(StandardCharsets.UTF_8));
        OutputS3Object result = write(job.output(), "EvaluationResult-" + suffix,
                resultText.getBytes(StandardCharsets.UTF_8));
        ModelPerformance performance = ModelPerformance.builder().f1Score((float) confusion.f1())
                .recall((float) confusion.recall()).precision((float) confusion.precision()).build();
        state.commit(() -> {
            State.io(() -> state.workspace.writeModelArchive(job.project(), job.version(), archive));
            Model m = state.model(job.project(), job.version());
            ModelFile done = m.file().withEvaluation(type, performance, manifest, result, end)
                    .withStatus(ModelStatus.TRAINED, Models.TRAINED, state.clock.instant());
            state.put(job.project(), m.withFile(done));
            return null;
        });
    }

    private OutputS3Object write(OutputConfig output, String name, byte[] content) throws IOException {
        Path file = outputFile(output, name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        String prefix = output.s3Location().prefix() == null ? "" : output.s3Location().prefix();
        return OutputS3Object.builder().bucket(output.s3Location().bucket()).key(prefix + name).build();
    }

    private void fail(Job job, String message) {
        state.commit(() -> {
            Model m = state.model(job.project(), job.version());
            state.put(job.project(), m.withFile(m.file().withStatus(ModelStatus.TRAINING_FAILED, message,
                    state.clock.instant())));
            return null;
        });
    }

    private void progress(Job job, TrainingProgress p) {
        String message = String.format(Locale.ROOT, "The model is being trained: %d%% (%s)", percent(p), describe(p));
        state.commit(() -> {
            Model m = state.model(job.project(), job.version());
            if (m.file().status() == ModelStatus.TRAINING) {
                state.put(job.project(), m.withFile(m.file().withStatus(ModelStatus.TRAINING, message,
                        state.clock.instant())));
            }
            return null;
        });
        listener.onProgress(job.project(), job.version(), p);
    }

    /** Preparing is the first 5 %, the epochs 5..90 %, calibration and evaluation the rest. */
    private static int percent(TrainingProgress p) {
        return switch (p.stage()) {
            case PREPARING -> 0;
            case TRAINING -> 5 + (int) (85L * p.epoch() / Math.max(1, p.epochs()));
            case MEMORY, CALIBRATING -> 90;
            case DONE -> 95;
        };
    }

    private static String describe(TrainingProgress p) {
        if (p.stage() == TrainingProgress.Stage.TRAINING) {
            return String.format(Locale.ROOT, "epoch %d of %d, loss %.4f, about %d s left", p.epoch(), p.epochs(),
                    p.loss(), p.remaining().toSeconds());
        }
        return p.stage().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The file a dataset entry of the project refers to, resolved as training resolves it (the
     * entry's own folder, else its dataset's, then the bucket map); empty when no entry has that
     * reference or it does not resolve.
     */
    Optional<Path> imageFile(String project, String sourceRef) {
        return state.read(() -> {
            for (State.Dataset d : state.project(project).datasets().values()) {
                for (StoredEntry e : d.entries()) {
                    if (e.sourceRef().equals(sourceRef)) {
                        Path base = e.base().map(Path::of)
                                .orElse(d.file().base() == null ? null : Path.of(d.file().base()));
                        try {
                            return Optional.of((base == null ? locator : locator.withBase(base)).resolve(sourceRef));
                        } catch (IllegalArgumentException unresolvable) {
                            return Optional.<Path>empty();
                        }
                    }
                }
            }
            return Optional.<Path>empty();
        });
    }

    /**
     * Decodes the labeled entries (unlabeled ones are ignored in training, as the service did),
     * each group against the folder its relative references resolve to.
     */
    private List<LabeledImage> load(List<StoredEntry> entries, Path datasetBase, String name) {
        List<LabeledImage> images = new ArrayList<>();
        for (var group : labeledByBase(entries).entrySet()) {
            Path base = group.getKey().map(Path::of).orElse(datasetBase);
            ImageLocator here = base == null ? locator : locator.withBase(base);
            images.addAll(DatasetLoader.load(new Manifest(name, group.getValue(), List.of(), List.of()), here));
        }
        return images;
    }

    /** Labeled entries grouped by the folder their relative references resolve to, numbered as listed. */
    private static Map<Optional<String>, List<ManifestEntry>> labeledByBase(List<StoredEntry> entries) {
        Map<Optional<String>, List<ManifestEntry>> byBase = new LinkedHashMap<>();
        int line = 0;
        for (StoredEntry e : entries) {
            line++;
            if (e.entry().label() != Label.UNLABELED) {
                byBase.computeIfAbsent(e.base(), k -> new ArrayList<>()).add(e.entry().atLine(line));
            }
        }
        return byBase;
    }

    /** The anomaly classes of the training masks, in order of first appearance. */
    static List<AnomalyClass> classes(List<StoredEntry> entries) {
        Map<String, AnomalyClass> classes = new LinkedHashMap<>();
        for (StoredEntry e : entries) {
            e.entry().mask().ifPresent(m -> m.anomalyClasses().forEach(c -> classes.putIfAbsent(c.name(), c)));
        }
        return List.copyOf(classes.values());
    }

    private List<SegmentedImage> loadSegmented(List<StoredEntry> entries, Path datasetBase, String name,
                                               List<AnomalyClass> classes) {
        List<SegmentedImage> images = new ArrayList<>();
        for (var group : labeledByBase(entries).entrySet()) {
            Path base = group.getKey().map(Path::of).orElse(datasetBase);
            ImageLocator here = base == null ? locator : locator.withBase(base);
            images.addAll(SegmentationData.load(new Manifest(name, group.getValue(), List.of(), List.of()), here,
                    classes));
        }
        return images;
    }
}
