package dev.loupe.engine.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            boolean anomalous = r.detection().isAnomalous();
            line.put("anomaly-label-detected", anomalous ? 1 : 0);
            ObjectNode meta = line.putObject("anomaly-label-detected-metadata");
            meta.put("class-name", anomalous ? "anomaly" : "normal");
            meta.put("confidence", r.detection().confidence());
            meta.put("type", "groundtruth/image-classification");
            meta.put("human-annotated", "no");
            meta.put("creation-date", when.toString());
            meta.put("job-name", "training-job/anomaly-detection");
            meta.put("model-arn", model.modelArn());
            meta.put("project-name", model.projectName());
            meta.put("model-version", model.modelVersion());
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The evaluation result JSON (pretty-printed, as the service wrote it). */
    public static String evaluationResult(Evaluation e, ModelRef model, Instant when, int trainingImages,
                                          List<ObjectNode> pixelClassMetrics) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", 1);
        ObjectNode details = root.putObject("EvaluationDetails");
        details.put("ModelArn", model.modelArn());
        details.put("EvaluationEndTimestamp", when.toString());
        details.put("NumberOfTrainingImages", trainingImages);
        details.put("NumberOfTestingImages", e.results().size());
        ObjectNode metrics = root.putObject("AggregatedEvaluationResults").putObject("Metrics");
        metrics.put("ROCAUC", finite(e.rocAuc()));
        metrics.put("AveragePrecision", finite(e.averagePrecision()));
        metrics.put("Precision", e.precision());
        metrics.put("Recall", e.recall());
        metrics.put("F1Score", e.f1());
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
