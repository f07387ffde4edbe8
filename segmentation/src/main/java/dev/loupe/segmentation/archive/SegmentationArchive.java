package dev.loupe.segmentation.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.InvalidArchiveException;
import dev.loupe.engine.archive.ModelDescriptions;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads {@link SegmentationModel}s.
 *
 * <pre>{@code
 * byte[] bytes = SegmentationArchive.toBytes(model);
 * SegmentationModel back = SegmentationArchive.fromBytes(bytes, "model.loupe");
 * }</pre>
 *
 * Stateless.
 */
public final class SegmentationArchive {
    private static final String WEIGHTS = "weights.bin";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SegmentationArchive() {
    }

    /** Writes the archive atomically. */
    public static void save(SegmentationModel m, Path file) throws IOException {
        ArchiveContainer.save(toBytes(m), file);
    }

    public static byte[] toBytes(SegmentationModel m) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", ArchiveContainer.FORMAT_VERSION);
        root.put("modelType", SegmentationModel.SEGMENTATION);
        SegmentationArchitecture a = m.weights().architecture();
        ObjectNode arch = root.putObject("architecture");
        arch.put("inputSize", a.inputSize());
        ModelDescriptions.putChannels(arch, a.channels());
        ArrayNode classes = root.putArray("classes");
        for (AnomalyClass c : m.classes()) {
            classes.addObject().put("name", c.name()).put("color", c.color().toString());
        }
        ModelDescriptions.putNormalization(root, m.normalization());
        ArrayNode thresholds = ModelDescriptions.putCalibration(root, m.calibration()).putArray("pixelThresholds");
        Arrays.stream(m.pixelThresholds()).forEach(thresholds::add);
        if (m.regions().active()) {
            putRegions(root.putObject("regions"), m.regions());
        }
        ModelDescriptions.putMetrics(root, m.metrics());
        ModelDescriptions.putProvenance(root, m.provenance());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ArchiveContainer.MODEL, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        entries.put(WEIGHTS, ArchiveContainer.tensors(new TreeMap<>(m.weights().tensors())));
        return ArchiveContainer.write(entries);
    }

    /** @throws InvalidArchiveException when damaged, newer, or not a segmentation model */
    public static SegmentationModel fromBytes(byte[] archive, String name) {
        Map<String, byte[]> entries = ArchiveContainer.read(archive, name, ArchiveContainer.MODEL, WEIGHTS);
        try {
            JsonNode root = JSON.readTree(entries.get(ArchiveContainer.MODEL));
            String type = root.path("modelType").asText();
            if (!type.equals(SegmentationModel.SEGMENTATION)) {
                throw new InvalidArchiveException(name + ": holds a " + type + " model, not a segmentation model");
            }
            List<AnomalyClass> classes = new ArrayList<>();
            for (JsonNode c : root.path("classes")) {
                classes.add(new AnomalyClass(c.path("name").asText(), HexColor.parse(c.path("color").asText())));
            }
            JsonNode arch = root.path("architecture");
            SegmentationArchitecture a = new SegmentationArchitecture(arch.path("inputSize").asInt(),
                    ModelDescriptions.channels(arch), classes.size());
            SegmentationWeights weights = new SegmentationWeights(a, ArchiveContainer.readTensors(entries.get(WEIGHTS)));
            // Archives before per-class thresholds hold one pixelThreshold for every class.
            JsonNode calibration = root.path("calibration");
            double[] thresholds = new double[classes.size()];
            for (int c = 0; c < thresholds.length; c++) {
                thresholds[c] = calibration.has("pixelThresholds") ? calibration.path("pixelThresholds").path(c).asDouble(0.5)
                        : calibration.path("pixelThreshold").asDouble(0.5);
            }
            // Archives before region classifiers, and models that do without one, have no "regions".
            RegionClassifier regions = root.has("regions") ? regions(root.path("regions")) : RegionClassifier.NONE;
            return new SegmentationModel(classes, weights, ModelDescriptions.normalization(root),
                    ModelDescriptions.calibration(root), thresholds, regions, ModelDescriptions.provenance(root),
                    ModelDescriptions.metrics(root));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidArchiveException invalid) {
                throw invalid;
            }
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }

    private static void putRegions(ObjectNode node, RegionClassifier r) {
        node.put("weight", r.weight());
        putRows(node.putArray("means"), r.means());
        putRows(node.putArray("variances"), r.variances());
        ArrayNode priors = node.putArray("logPriors");
        Arrays.stream(r.logPriors()).forEach(priors::add);
    }

    private static void putRows(ArrayNode array, double[][] rows) {
        for (double[] row : rows) {
            ArrayNode a = array.addArray();
            Arrays.stream(row).forEach(a::add);
        }
    }

    private static RegionClassifier regions(JsonNode node) throws IOException {
        return new RegionClassifier(rows(node.path("means")), rows(node.path("variances")),
                values(node.path("logPriors")), node.path("weight").asDouble(Double.NaN));
    }

    private static double[][] rows(JsonNode array) throws IOException {
        if (!array.isArray()) {
            throw new IOException("regions: an array of rows expected");
        }
        double[][] rows = new double[array.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = values(array.get(i));
        }
        return rows;
    }

    /** A JSON array of numbers; what is not a number reads as NaN, which the classifier refuses. */
    private static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble(Double.NaN);
        }
        return v;
    }
}
