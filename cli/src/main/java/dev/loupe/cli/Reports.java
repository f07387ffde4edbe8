package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.api.LocalLookoutVision;
import dev.loupe.api.model.DescribeModelRequest;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.OutputS3Object;
import dev.loupe.cli.report.ClassRow;
import dev.loupe.cli.report.Report;
import dev.loupe.cli.report.ReportImage;
import dev.loupe.engine.evaluation.Evaluation;
import dev.loupe.engine.evaluation.ImageResult;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.segmentation.evaluation.SegmentationEvaluation;
import dev.loupe.segmentation.metrics.PixelClassMetrics;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.model.SegmentationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns what an evaluation produced into the HTML report's values: from an evaluation in memory
 * ({@code loupe evaluate}), or from a model the facade trained, re-reading its evaluation
 * manifest and running its archive on the images it names ({@code model create}, the demo).
 */
final class Reports {
    /** Side of the gallery pictures: enough to see a defect, small enough for a page of dozens. */
    private static final int THUMBNAIL = 360;

    private Reports() {
    }

    static Report classification(String title, TrainedModel model, Evaluation e, Map<String, String> figures) {
        List<ReportImage> images = new ArrayList<>();
        for (ImageResult r : e.results()) {
            images.add(new ReportImage(name(r.image().source()), r.image().anomalous(), r.detection().isAnomalous(),
                    r.detection().score(), Overlays.thumbnail(r.detection().heatMap().overlay(r.image().image()), THUMBNAIL),
                    List.of()));
        }
        return new Report(title, TrainedModel.CLASSIFICATION, figures, 0.5, images, List.of(),
                provenance(model.provenance()));
    }

    static Report segmentation(String title, SegmentationModel model, SegmentationEvaluation e,
                               Map<String, String> figures) {
        List<ReportImage> images = new ArrayList<>();
        for (SegmentationEvaluation.Result r : e.results()) {
            SegmentationResult d = r.detection();
            images.add(new ReportImage(name(r.image().image().source()), r.image().image().anomalous(), d.isAnomalous(),
                    d.score(), Overlays.thumbnail(Overlays.mask(d, r.image().image().image()), THUMBNAIL),
                    d.anomalies().stream().skip(1).map(SegmentationResult.ClassArea::name).toList()));
        }
        List<ClassRow> classes = new ArrayList<>();
        for (PixelClassMetrics m : e.classes()) {
            String color = model.classes().stream().filter(c -> c.name().equals(m.className())).findFirst()
                    .map(c -> c.color().toString()).orElse("#000000");
            String missedAs = e.pixelConfusion().mostCommonMistake(m.className())
                    .map(x -> String.format(Locale.ROOT, "%s (%.0f %%)", x.predicted(), 100 * x.share())).orElse("");
            classes.add(new ClassRow(m.className(), color, m.precision(), m.recall(), m.f1(), m.aiou(), missedAs));
        }
        return new Report(title, SegmentationModel.SEGMENTATION, figures, 0.5, images, classes,
                provenance(model.provenance()));
    }

    /**
     * The report of a model the facade trained: each image of its evaluation manifest run again
     * through its archive (deterministic, so the same answers), the figures from DescribeModel
     * and the evaluation result.
     */
    static Report trained(LocalLookoutVision lv, Function<OutputS3Object, Path> files, String project,
                          ModelDescription d) throws IOException {
        byte[] archive = lv.modelArchive(DescribeModelRequest.builder().projectName(project)
                .modelVersion(d.modelVersion()).build());
        Path manifestFile = files.apply(d.evaluationManifest());
        Manifest manifest = testEntries(manifestFile);
        JsonNode result = Json.MAPPER.readTree(files.apply(d.evaluationResult()).toFile());
        List<ReportImage> images = new ArrayList<>();
        String modelType;
        Provenance provenance;
        try (LoadedModel model = LoadedModel.open(archive, project + "/" + d.modelVersion())) {
            modelType = model.modelType();
            provenance = model.provenance();
            for (ManifestEntry e : manifest.entries()) {
                Path image = lv.imageFile(project, e.sourceRef()).orElseThrow(() -> CommandFailure.of(
                        manifestFile + ": " + e.sourceRef() + " is not an entry of project " + project));
                LoadedModel.Finding f = model.inspect(Files.readAllBytes(image));
                images.add(new ReportImage(name(image), e.label() == dev.loupe.manifest.Label.ANOMALY,
                        f.result().isAnomalous(), f.score(), Overlays.thumbnail(f.overlay(), THUMBNAIL),
                        f.classesFound()));
            }
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("Model", d.modelArn());
        figures.put("Status", d.status() + ": " + d.statusMessage());
        JsonNode metrics = result.path("AggregatedEvaluationResults").path("Metrics");
        figures.put("Image AUROC", number(metrics.path("ROCAUC").asDouble(Double.NaN)));
        figures.put("Average precision", number(metrics.path("AveragePrecision").asDouble(Double.NaN)));
        figures.put("F1", number(d.performance().f1Score()));
        figures.put("Precision", number(d.performance().precision()));
        figures.put("Recall", number(d.performance().recall()));
        figures.put("Training images", result.path("EvaluationDetails").path("NumberOfTrainingImages").asText());
        figures.put("Test images", Integer.toString(images.size()));
        figures.put("Evaluation manifest", manifestFile.toString());
        List<ClassRow> classes = new ArrayList<>();
        List<AnomalyClass> colours = manifest.classes();
        for (JsonNode m : metrics.path("PixelAnomalyClassMetrics")) {
            String name = m.path("ClassName").asText();
            String color = colours.stream().filter(c -> c.name().equals(name)).findFirst()
                    .map(c -> c.color().toString()).orElse("#000000");
            classes.add(new ClassRow(name, color, m.path("Precision").asDouble(), m.path("Recall").asDouble(),
                    m.path("F1Score").asDouble(), m.path("AIOU").asDouble()));
        }
        return new Report(project + " model " + d.modelVersion(), modelType, figures, 0.5, images, classes,
                provenance(provenance));
    }

    /**
     * The test images of an evaluation manifest with their ground truth: each line is the test
     * dataset's line plus the model's answers, which are taken off again to read it as one.
     */
    private static Manifest testEntries(Path evaluationManifest) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String line : Files.readAllLines(evaluationManifest)) {
            if (!line.isBlank()) {
                ObjectNode o = (ObjectNode) Json.MAPPER.readTree(line);
                o.remove(List.of("anomaly-label-detected", "anomaly-label-detected-metadata", "anomaly-mask-ref-detected",
                        "anomaly-mask-ref-detected-metadata"));
                lines.append(o).append('\n');
            }
        }
        return Manifest.read(new java.io.ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                evaluationManifest.toString());
    }

    /** {@code loupe evaluate}'s JSON figures under the names people read. */
    static Map<String, String> figures(ObjectNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = o.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isValueNode()) {
                out.put(LABELS.getOrDefault(e.getKey(), e.getKey()), e.getValue().isFloatingPointNumber()
                        ? number(e.getValue().asDouble()) : e.getValue().asText());
            }
        }
        return out;
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("modelType", "Model type"),
            Map.entry("scoringMode", "Scoring mode"), Map.entry("trainImages", "Training images"),
            Map.entry("testImages", "Test images"), Map.entry("imageAuroc", "Image AUROC"),
            Map.entry("averagePrecision", "Average precision"), Map.entry("f1", "F1"),
            Map.entry("precision", "Precision"), Map.entry("recall", "Recall"),
            Map.entry("threshold", "Threshold (raw score)"), Map.entry("pixelAuroc", "Pixel AUROC"),
            Map.entry("trainSeconds", "Training time (s)"), Map.entry("msPerImage", "Detection (ms per image)"),
            Map.entry("seed", "Seed"));

    static Map<String, String> provenance(Provenance p) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Dataset hash (SHA-256)", p.datasetHash());
        out.put("Trained on", p.trainNormal() + " normal, " + p.trainAnomalous() + " anomalous images");
        out.put("Calibrated on", p.validationNormal() + " normal, " + p.validationAnomalous() + " anomalous images");
        out.put("Seed", Long.toString(p.seed()));
        out.put("Configuration", p.config());
        out.put("Training time", String.format(Locale.ROOT, "%.1f s", p.trainSeconds()));
        p.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String number(Number value) {
        return value == null || Double.isNaN(value.doubleValue()) ? "n/a"
                : String.format(Locale.ROOT, "%.4f", value.doubleValue());
    }

    private static String name(Path source) {
        return source.getFileName().toString();
    }
}
