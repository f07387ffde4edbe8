package dev.loupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.cli.report.HtmlReport;
import dev.loupe.engine.model.Minimums;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.evaluation.SegmentationEvaluation;
import dev.loupe.segmentation.metrics.PixelClassMetrics;
import dev.loupe.segmentation.metrics.PixelConfusion;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationData;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.model.SegmentationResult;
import dev.loupe.segmentation.model.SegmentationTrainer;
import dev.loupe.segmentation.model.SegmentedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code loupe evaluate} for segmentation manifests: train, evaluate per image and per pixel, print. */
final class SegmentationRun {
    private final EvaluateCommand c;
    private final PrintWriter err;

    SegmentationRun(EvaluateCommand command, PrintWriter err) {
        this.c = command;
        this.err = err;
    }

    int run(Manifest trainManifest, long start) throws IOException {
        List<AnomalyClass> classes = trainManifest.classes();
        if (classes.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(c.spec.commandLine(), c.train
                    + " has no anomaly masks: a segmentation model needs them (use --model-type classification)");
        }
        ImageLocator trainLocator = c.locations.locator(c.train, c.spec.commandLine());
        List<SegmentedImage> train = SegmentationData.load(trainManifest, trainLocator, classes);
        List<SegmentedImage> test = null;
        Manifest testManifest = c.test == null ? null : Manifest.read(c.test);
        // Before any internal split: a single dataset is judged whole, as the service judged it.
        warnBelowMinimums(train, testManifest);
        if (testManifest == null) {
            SegmentationData.Split split = SegmentationData.stratified(train, 0.2, c.seed * 31 + 7);
            train = split.first();
            test = split.second();
        }
        SegmentationConfig config = c.training.apply(SegmentationConfig.defaults().withSeed(c.seed));
        if (c.batchSize != null) {
            config = config.withBatchSize(c.batchSize);
        }
        if (c.learningRate != null) {
            config = config.withLearningRate(c.learningRate);
        }
        SegmentationModel model = new SegmentationTrainer(config).train(train, classes,
                EvaluateCommand.progressPrinter(err));
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        if (test == null) {
            test = SegmentationData.load(testManifest, trainLocator.withBase(c.testFolder()), classes);
        }
        int exit = evaluate(model, train.size(), trainSeconds, test);
        if (c.saveModel != null) {
            SegmentationArchive.save(model, c.saveModel);
            err.println("model: " + c.saveModel);
        }
        return exit;
    }

    /** {@code loupe evaluate --model}: a saved segmentation model judged on the test manifest. */
    int evaluateSaved(SegmentationModel model, Manifest testManifest, ImageLocator locator) throws IOException {
        List<SegmentedImage> test = SegmentationData.load(testManifest, locator, model.classes());
        return evaluate(model, model.provenance().images(), Double.NaN, test);
    }

    /** Evaluates and prints; {@code trainSeconds} is NaN for a saved model. */
    private int evaluate(SegmentationModel model, int trainImages, double trainSeconds, List<SegmentedImage> test)
            throws IOException {
        try (SegmentationDetector detector = SegmentationDetector.open(model)) {
            SegmentationEvaluation e = SegmentationEvaluation.of(detector, test);
            double msPerImage = latency(detector, test);
            PixelConfusion pc = e.pixelConfusion();
            List<List<Long>> rows = pc.rows();
            ObjectNode o = Json.object();
            o.put("modelType", SegmentationModel.SEGMENTATION);
            o.put("trainImages", trainImages);
            o.put("testImages", e.results().size());
            o.put("imageAuroc", e.rocAuc());
            o.put("averagePrecision", e.averagePrecision());
            o.put("f1", e.f1());
            o.put("precision", e.precision());
            o.put("recall", e.recall());
            o.put("threshold", model.calibration().threshold());
            o.put("pixelAuroc", e.pixelAuroc());
            ArrayNode cls = o.putArray("classes");
            for (PixelClassMetrics m : e.classes()) {
                cls.addObject().put("className", m.className()).put("precision", m.precision())
                        .put("recall", m.recall()).put("f1", m.f1()).put("aiou", m.aiou());
            }
            // Which class a missed pixel was taken for: per-class recall cannot tell "crack" from background.
            ObjectNode confusion = o.putObject("pixelConfusion");
            pc.classes().forEach(confusion.putArray("classes")::add);
            ArrayNode counts = confusion.putArray("counts");
            for (List<Long> row : rows) {
                ArrayNode r = counts.addArray();
                row.forEach(r::add);
            }
            ArrayNode levels = o.putArray("channels");
            for (int channels : model.weights().architecture().channels()) {
                levels.add(channels);
            }
            o.put("regionWeight", model.regions().weight());
            if (!Double.isNaN(trainSeconds)) {
                o.put("trainSeconds", trainSeconds);
            }
            o.put("msPerImage", msPerImage);
            o.put("seed", model.provenance().seed());
            if (c.report != null) {
                writeOverlays(e);
                Path page = HtmlReport.write(Reports.segmentation("loupe evaluate: " + c.title(), model, e,
                        Reports.figures(o)), c.report);
                err.println("report: " + page);
            }
            PrintWriter out = c.spec.commandLine().getOut();
            if (c.json) {
                out.println(Json.write(o));
            } else {
                out.printf(Locale.ROOT, "segmentation model, %d training images, %d test images%n", trainImages,
                        e.results().size());
                out.printf(Locale.ROOT, "image AUROC %.4f, F1 %.4f, precision %.4f, recall %.4f; pixel AUROC %.4f%n",
                        e.rocAuc(), e.f1(), e.precision(), e.recall(), e.pixelAuroc());
                for (PixelClassMetrics m : e.classes()) {
                    out.printf(Locale.ROOT, "  %s: precision %.4f, recall %.4f, F1 %.4f, AIOU %.4f%n", m.className(),
                            m.precision(), m.recall(), m.f1(), m.aiou());
                }
                out.println("  test pixels by true class (rows) and predicted class (columns, in the same order):");
                for (int t = 0; t < rows.size(); t++) {
                    out.printf(Locale.ROOT, "    %s: %s%n", pc.classes().get(t), rows.get(t));
                }
                out.println(model.regions().active()
                        ? String.format(Locale.ROOT, "  region classifier: weight %s", model.regions().weight())
                        : "  region classifier: off");
                if (!Double.isNaN(trainSeconds)) {
                    out.printf(Locale.ROOT, "trained in %.1f s; ", trainSeconds);
                }
                out.printf(Locale.ROOT, "detection %.1f ms per image (mask PNG included)%n", msPerImage);
            }
        }
        return Loupe.OK;
    }

    private void warnBelowMinimums(List<SegmentedImage> train, Manifest testManifest) {
        List<Label> trainLabels = new ArrayList<>(train.stream().map(i -> i.image().label()).toList());
        List<Label> testLabels = testManifest == null ? null
                : testManifest.entries().stream().map(e -> e.label()).toList();
        Minimums.shortfalls(trainLabels, testLabels).forEach(s -> err.println("warning: " + s + " (running anyway)"));
        Minimums.labelShortfalls(train.stream().map(i -> i.image().entry()).toList(),
                testManifest == null ? null : testManifest.entries())
                .forEach(s -> err.println("warning: " + s + " (running anyway)"));
    }

    /** Mean single-thread latency from file bytes to a result with its mask PNG, after a warm-up. */
    private static double latency(SegmentationDetector detector, List<SegmentedImage> images) throws IOException {
        List<byte[]> encoded = new ArrayList<>();
        for (SegmentedImage i : images) {
            encoded.add(Files.readAllBytes(i.image().source()));
        }
        for (int k = 0; k < Math.min(3, encoded.size()); k++) {
            detector.detect(encoded.get(k)).maskPng();
        }
        long t = System.nanoTime();
        for (byte[] bytes : encoded) {
            detector.detect(bytes).maskPng();
        }
        return (System.nanoTime() - t) / 1e6 / Math.max(1, encoded.size());
    }

    /** The mask PNGs, and each test image with its predicted classes painted over it at half strength. */
    private void writeOverlays(SegmentationEvaluation e) throws IOException {
        Path masks = Files.createDirectories(c.report.resolve("masks"));
        Path overlays = Files.createDirectories(c.report.resolve("overlays"));
        int n = 0;
        for (SegmentationEvaluation.Result r : e.results()) {
            SegmentationResult d = r.detection();
            String name = String.format(Locale.ROOT, "%03d-%s-%s.png", ++n, r.image().image().anomalous() ? "anomaly"
                    : "normal", d.isAnomalous() ? "called-anomaly" : "called-normal");
            Files.write(masks.resolve(name), d.maskPng());
            Files.write(overlays.resolve(name), Overlays.png(Overlays.mask(d, r.image().image().image())));
        }
    }
}
