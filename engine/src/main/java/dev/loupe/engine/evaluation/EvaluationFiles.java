package dev.loupe.engine.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.metrics.Confusion;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's evaluation output files, as text.
 *
 * <p>The evaluation manifest keeps each test line's JSON as it was and adds
 * {@code anomaly-label-detected} (1 or 0) with its metadata (class name, confidence, the model).
 * The evaluation result follows the guide's schema (Version 1).
 */
public final class EvaluationFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private EvaluationFiles() {
    }

    /** Identifies the model in the files. */
    public record ModelRef(String modelArn, String projectName, String modelVersion) {
    }

    /** The evaluation manifest: one line per test image, {@code \n}-terminated. */
    public static String evaluationManifest(Evaluation e, ModelRef model, Instant when) {
        StringBuilder out = new StringBuilder();
        for (ImageResult r : e.results()) {
            ObjectNode line;
            try {
                line = (ObjectNode) JSON.readTree(r.image().entry().json());
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
            addDetectedLabel(line, r.detection().isAnomalous(), r.detection().confidence(), model, when);
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * Adds the model's decision to a test image's manifest line, as the service's evaluation
     * manifest holds it: {@code anomaly-label-detected} and its metadata.
     */
    public static void addDetectedLabel(ObjectNode line, boolean anomalous, double confidence, ModelRef model,
                                        Instant when) {
        line.put("anomaly-label-detected", anomalous ? 1 : 0);
        ObjectNode meta = line.putObject("anomaly-label-detected-metadata");
        meta.put("class-name", anomalous ? "anomaly" : "normal");
        meta.put("confidence", confidence);
        meta.put("type", "groundtruth/image-classification");
        meta.put("human-annotated", "no");
        meta.put("creation-date", when.toString());
        meta.put("job-name", "training-job/anomaly-detection");
        meta.put("model-arn", model.modelArn());
        meta.put("project-name", model.projectName());
        meta.put("model-version", model.modelVersion());
    }

    /** The evaluation result JSON (pretty-printed, as the service wrote it). */
    public static String evaluationResult(Evaluation e, ModelRef model, Instant when, int trainingImages,
                                          List<ObjectNode> pixelClassMetrics) {
        return evaluationResult(e.confusion(), e.rocAuc(), e.averagePrecision(), e.results().size(), model, when,
                trainingImages, pixelClassMetrics);
    }

    /**
     * The evaluation result JSON from the figures themselves, for any model type.
     *
     * @param pixelClassMetrics the segmentation model's per-class entries; empty for classification
     */
    public static String evaluationResult(Confusion confusion, double rocAuc, double averagePrecision,
                                          int testImages, ModelRef model, Instant when, int trainingImages,
                                          List<ObjectNode> pixelClassMetrics) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", 1);
        ObjectNode details = root.putObject("EvaluationDetails");
        details.put("ModelArn", model.modelArn());
        details.put("EvaluationEndTimestamp", when.toString());
        details.put("NumberOfTrainingImages", trainingImages);
        details.put("NumberOfTestingImages", testImages);
        ObjectNode metrics = root.putObject("AggregatedEvaluationResults").putObject("Metrics");
        metrics.put("ROCAUC", finite(rocAuc));
        metrics.put("AveragePrecision", finite(averagePrecision));
        metrics.put("Precision", confusion.precision());
        metrics.put("Recall", confusion.recall());
        metrics.put("F1Score", confusion.f1());
        if (!pixelClassMetrics.isEmpty()) {
            metrics.putArray("PixelAnomalyClassMetrics").addAll(new ArrayList<>(pixelClassMetrics));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
