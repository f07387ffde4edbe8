package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.cli.report.HtmlReport;
import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.evaluation.Evaluation;
import dev.loupe.engine.evaluation.EvaluationFiles;
import dev.loupe.engine.evaluation.ImageResult;
import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.DatasetLoader;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.Minimums;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.model.Splits;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.model.Trainer;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.engine.network.Dl4jBackbone;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.model.SegmentationModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loupe evaluate}: train in memory, evaluate on test images, print the figures. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Train a model in memory from a manifest and evaluate it on test images (or, with --model, "
                + "evaluate a saved model).",
                "Progress and logs go to standard error; with --json, standard output carries one JSON object."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--train", paramLabel = "MANIFEST",
            description = "Training manifest (required unless --model names a saved model).")
    Path train;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Evaluate this model archive on --test instead of training one: a file --save-model wrote, "
                    + "or a workspace's projects/<project>/models/<version>/model.loupe.")
    Path savedModel;

    @Option(names = "--save-model", paramLabel = "FILE",
            description = "Also write the trained model's archive here (--model reads it back).")
    Path saveModel;

    @Option(names = "--test", paramLabel = "MANIFEST",
            description = "Test manifest; without it a seeded stratified fifth of the training images is held out.")
    Path test;

    @Mixin
    Locations locations;

    @Option(names = "--test-base", paramLabel = "DIR",
            description = "Folder the test manifest's relative references resolve against (default: its own folder).")
    Path testBase;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model-type", defaultValue = "auto", paramLabel = "TYPE",
            description = "auto or classification (default: ${DEFAULT-VALUE}).")
    String modelType;

    @Mixin
    TrainingOptions training;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per training step (default: the engine's).")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Adam step size (default: the engine's).")
    Double learningRate;

    @Option(names = "--augment", paramLabel = "KIND",
            description = "Training augmentation: standard, turns (standard plus quarter turns), geometric, photometric "
                    + "or none (default: standard).")
    String augment;

    @Option(names = "--backbone", paramLabel = "FILE",
            description = "Start from the convolution blocks of a DL4J MultiLayerNetwork zip (3x3 convolutions, ReLU, "
                    + "optional batch normalisation, 2x2 max pooling).")
    Path backbone;

    @Option(names = "--json", description = "Print one JSON object with the figures.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the HTML report (index.html), the evaluation manifest and result, and the heat-map "
                    + "or mask overlays here.")
    Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!modelType.equals("auto") && !modelType.equals("classification") && !modelType.equals("segmentation")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--model-type must be auto, classification or segmentation, got \"" + modelType + "\"");
        }
        if (savedModel != null) {
            return evaluateSaved(err);
        }
        if (train == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--train is required, unless --model names a saved model to evaluate on --test");
        }
        long start = System.nanoTime();
        Manifest trainManifest = Manifest.read(train);
        trainManifest.warnings().forEach(w -> err.println("warning: " + w));
        // As the service chose: masks on the training images make a segmentation model.
        if (modelType.equals("segmentation") || (modelType.equals("auto") && trainManifest.isSegmentation())) {
            return new SegmentationRun(this, err).run(trainManifest, start);
        }
        ImageLocator trainLocator = locations.locator(train, spec.commandLine());
        List<LabeledImage> trainImages = DatasetLoader.load(trainManifest, trainLocator);
        // The test images are decoded after training, so that trainSeconds counts training alone.
        List<LabeledImage> testImages = null;
        Manifest testManifest = null;
        if (test != null) {
            testManifest = Manifest.read(test);
        } else {
            Splits.Split split = Splits.stratified(trainImages.stream().filter(i -> i.label() != Label.UNLABELED).toList(),
                    0.2, seed * 31 + 7);
            trainImages = split.first();
            testImages = split.second();
        }
        // With an internal split the two halves are one dataset, as in a single-dataset project.
        List<Label> trainLabels = new ArrayList<>(labels(trainImages));
        List<Label> testLabels = testManifest == null ? null : testManifest.entries().stream().map(ManifestEntry::label).toList();
        if (testManifest == null) {
            trainLabels.addAll(labels(testImages));
        }
        Minimums.shortfalls(trainLabels, testLabels).forEach(s -> err.println("warning: " + s + " (running anyway)"));

        ModelConfig config = training.apply(ModelConfig.defaults().withSeed(seed));
        if (batchSize != null) {
            config = config.withBatchSize(batchSize);
        }
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (augment != null) {
            config = config.withAugmenter(switch (augment) {
                case "standard" -> Augmenter.standard();
                case "turns" -> new Augmenter(true, true, true);
                case "geometric" -> new Augmenter(true, false, false);
                case "photometric" -> new Augmenter(false, true, false);
                case "none" -> new Augmenter(false, false, false);
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--augment must be standard, turns, geometric, photometric or none, got \"" + augment + "\"");
            });
        }
        Trainer trainer = new Trainer(config);
        if (backbone != null) {
            var startWeights = Dl4jBackbone.load(backbone, config.architecture().inputSize(),
                    config.architecture().scoreMargin(), seed);
            err.println("backbone: " + startWeights.architecture() + " from " + backbone);
            config = config.withArchitecture(startWeights.architecture());
            trainer = new Trainer(config, startWeights);
        }
        TrainedModel model = trainer.train(trainImages, List.of(), progressPrinter(err));
        ImageLocator testLocator = testManifest == null ? null : trainLocator.withBase(testFolder());
        int exit = evaluate(model, trainImages.size(), start, testImages, testManifest, testLocator);
        if (saveModel != null) {
            ModelArchive.save(model, saveModel);
            err.println("model: " + saveModel);
        }
        return exit;
    }

    /** The folder the test manifest's relative references resolve against. */
    Path testFolder() {
        return testBase != null ? testBase : test.toAbsolutePath().getParent();
    }

    /** {@code --model}: a saved archive of either type, judged on {@code --test}, nothing trained. */
    private int evaluateSaved(PrintWriter err) throws IOException {
        if (train != null || saveModel != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--model evaluates a saved model: --train and --save-model do not apply to it");
        }
        if (test == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--model needs --test, the manifest of the images to evaluate it on");
        }
        byte[] archive = Files.readAllBytes(savedModel);
        String name = savedModel.toString();
        // The archive is checked before the images are read: a damaged one fails at once.
        String type = ArchiveContainer.modelType(archive, name);
        if (!modelType.equals("auto") && !modelType.equals(type)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--model-type " + modelType + " does not match " + name + ", a " + type + " model");
        }
        if (type.equals(SegmentationModel.SEGMENTATION)) {
            SegmentationModel model = SegmentationArchive.fromBytes(archive, name);
            return new SegmentationRun(this, err).evaluateSaved(model, readTest(err), savedTestLocator());
        }
        TrainedModel model = ModelArchive.fromBytes(archive, name);
        return evaluate(model, model.provenance().images(), -1, null, readTest(err), savedTestLocator());
    }

    private Manifest readTest(PrintWriter err) throws IOException {
        Manifest m = Manifest.read(test);
        m.warnings().forEach(w -> err.println("warning: " + w));
        return m;
    }

    /** Without a training manifest, --base has nothing else to mean; --test-base still wins. */
    private ImageLocator savedTestLocator() {
        ImageLocator locator = locations.locator(test, spec.commandLine());
        return testBase != null ? locator.withBase(testBase) : locator;
    }

    /**
     * Evaluates and prints. {@code start} is when training began, or -1 for a saved model (no
     * training time to report); the test images are decoded here when not given, so that the
     * training time counts training alone.
     */
    private int evaluate(TrainedModel model, int trainImages, long start, List<LabeledImage> testImages,
                         Manifest testManifest, ImageLocator testLocator) throws IOException {
        try (Detector detector = Detector.open(model)) {
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            if (testImages == null) {
                testImages = DatasetLoader.load(testManifest, testLocator);
            }
            Evaluation evaluation = Evaluation.of(detector, testImages);
            double msPerImage = latency(detector, testImages);
            ObjectNode o = Json.object();
            o.put("modelType", model.modelType());
            o.put("scoringMode", model.mode().name());
            o.put("trainImages", trainImages);
            o.put("testImages", evaluation.results().size());
            o.put("imageAuroc", evaluation.rocAuc());
            o.put("averagePrecision", evaluation.averagePrecision());
            o.put("f1", evaluation.f1());
            o.put("precision", evaluation.precision());
            o.put("recall", evaluation.recall());
            o.put("threshold", model.calibration().threshold());
            model.fusion().ifPresent(f -> {
                ObjectNode fusion = o.putObject("fusion");
                fusion.put("networkWeight", f.networkWeight());
                fusion.put("appearanceWeight", f.appearanceWeight());
            });
            if (start >= 0) {
                o.put("trainSeconds", trainSeconds);
            }
            o.put("msPerImage", msPerImage);
            o.put("seed", model.provenance().seed());
            if (report != null) {
                writeReport(model, evaluation, trainImages);
                Path page = HtmlReport.write(Reports.classification("loupe evaluate: " + title(), model,
                        evaluation, Reports.figures(o)), report);
                spec.commandLine().getErr().println("report: " + page);
            }
            if (json) {
                spec.commandLine().getOut().println(Json.write(o));
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%s model (%s), %d training images, %d test images%n", model.modelType(),
                        model.mode(), trainImages, evaluation.results().size());
                out.printf(Locale.ROOT, "image AUROC %.4f, AP %.4f, F1 %.4f, precision %.4f, recall %.4f (threshold %.4f)%n",
                        evaluation.rocAuc(), evaluation.averagePrecision(), evaluation.f1(), evaluation.precision(),
                        evaluation.recall(), model.calibration().threshold());
                if (start >= 0) {
                    out.printf(Locale.ROOT, "trained in %.1f s; ", trainSeconds);
                }
                out.printf(Locale.ROOT, "detection %.1f ms per image (one thread, decode included)%n", msPerImage);
            }
        }
        return Loupe.OK;
    }

    /** What the report's title names: the training manifest, or the saved model. */
    String title() {
        return (savedModel != null ? savedModel : train).getFileName().toString();
    }

    static TrainingProgress.Listener progressPrinter(PrintWriter err) {
        return p -> {
            if (p.stage() == TrainingProgress.Stage.TRAINING) {
                err.printf(Locale.ROOT, "epoch %d/%d loss %.4f elapsed %ds, about %ds left%n", p.epoch(), p.epochs(), p.loss(),
                        p.elapsed().toSeconds(), p.remaining().toSeconds());
            } else {
                err.printf(Locale.ROOT, "%s (%ds)%n", p.stage().name().toLowerCase(Locale.ROOT), p.elapsed().toSeconds());
            }
            err.flush();
        };
    }

    /** Mean single-thread latency from the image file's bytes to a decision, after a short warm-up. */
    private static double latency(Detector detector, List<LabeledImage> images) throws IOException {
        if (images.isEmpty()) {
            return Double.NaN;
        }
        List<byte[]> encoded = new ArrayList<>();
        for (LabeledImage i : images) {
            encoded.add(Files.readAllBytes(i.source()));
        }
        for (int k = 0; k < Math.min(5, encoded.size()); k++) {
            detector.detect(encoded.get(k));
        }
        long t = System.nanoTime();
        for (byte[] bytes : encoded) {
            detector.detect(bytes);
        }
        return (System.nanoTime() - t) / 1e6 / encoded.size();
    }

    private void writeReport(TrainedModel model, Evaluation evaluation, int trainingImages) throws IOException {
        Files.createDirectories(report);
        EvaluationFiles.ModelRef ref = new EvaluationFiles.ModelRef("local/evaluate", "evaluate", "1");
        Instant now = Instant.now();
        Files.writeString(report.resolve("EvaluationManifest-evaluate-1.json"),
                EvaluationFiles.evaluationManifest(evaluation, ref, now));
        Files.writeString(report.resolve("EvaluationResult-evaluate-1.json"),
                EvaluationFiles.evaluationResult(evaluation, ref, now, trainingImages, List.of()));
        Path overlays = Files.createDirectories(report.resolve("heatmaps"));
        int n = 0;
        for (ImageResult r : evaluation.results()) {
            Detection d = r.detection();
            String name = String.format(Locale.ROOT, "%03d-%s-%s-%.3f.png", ++n, r.image().anomalous() ? "anomaly" : "normal",
                    d.isAnomalous() ? "called-anomaly" : "called-normal", d.score());
            ImageIO.write(d.heatMap().overlay(r.image().image()), "png", overlays.resolve(name).toFile());
        }
    }

    private static List<Label> labels(List<LabeledImage> images) {
        return images.stream().map(LabeledImage::label).toList();
    }
}
