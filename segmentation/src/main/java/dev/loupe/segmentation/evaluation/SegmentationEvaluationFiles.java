package dev.loupe.segmentation.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.evaluation.EvaluationFiles;
import dev.loupe.segmentation.metrics.PixelClassMetrics;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The service's evaluation files for a segmentation model: the evaluation manifest (each test
 * line as it was, plus {@code anomaly-label-detected}, its metadata, and the detected mask's
 * reference) and the evaluation result, whose metrics gain {@code PixelAnomalyClassMetrics}.
 * Stateless.
 */
public final class SegmentationEvaluationFiles {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SegmentationEvaluationFiles() {
    }

    /**
     * @param maskRefs the reference of each test image's detected mask, in the results' order
     */
    public static String evaluationManifest(SegmentationEvaluation e, EvaluationFiles.ModelRef model, Instant when,
                                            List<String> maskRefs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < e.results().size(); i++) {
            SegmentationEvaluation.Result r = e.results().get(i);
            ObjectNode line;
            try {
                line = (ObjectNode) JSON.readTree(r.image().image().entry().json());
            } catch (JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
            EvaluationFiles.addDetectedLabel(line, r.detection().isAnomalous(), r.detection().confidence(), model, when);
            line.put("anomaly-mask-ref-detected", maskRefs.get(i));
            ObjectNode maskMeta = line.putObject("anomaly-mask-ref-detected-metadata");
            ObjectNode colours = maskMeta.putObject("internal-color-map");
            colours.putObject("0").put("class-name", "BACKGROUND").put("hex-color", "#FFFFFF");
            int k = 1;
            for (var c : r.detection().colors()) {
                String name = e.classes().get(k - 1).className();
                colours.putObject(Integer.toString(k++)).put("class-name", name).put("hex-color", c.toString());
            }
            maskMeta.put("type", "groundtruth/semantic-segmentation");
            maskMeta.put("human-annotated", "no");
            maskMeta.put("creation-date", when.toString());
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The evaluation result JSON, as the service wrote it, with the per-class pixel metrics. */
    public static String evaluationResult(SegmentationEvaluation e, EvaluationFiles.ModelRef model, Instant when,
                                          int trainingImages) {
        return EvaluationFiles.evaluationResult(e.confusion(), e.rocAuc(), e.averagePrecision(), e.results().size(),
                model, when, trainingImages, e.classes().stream().map(PixelClassMetrics::toJson).toList());
    }
}
