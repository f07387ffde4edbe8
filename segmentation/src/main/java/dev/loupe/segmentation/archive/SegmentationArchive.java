package dev.loupe.segmentation.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.InvalidArchiveException;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.io.IOException;
import java.util.ArrayList;
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

    public static byte[] toBytes(SegmentationModel m) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", ArchiveContainer.FORMAT_VERSION);
        root.put("modelType", SegmentationModel.SEGMENTATION);
        SegmentationArchitecture a = m.weights().architecture();
        ObjectNode arch = root.putObject("architecture");
        arch.put("inputSize", a.inputSize());
        ArrayNode channels = arch.putArray("channels");
        for (int c : a.channels()) {
            channels.add(c);
        }
        ArrayNode classes = root.putArray("classes");
        for (AnomalyClass c : m.classes()) {
            classes.addObject().put("name", c.name()).put("color", c.color().toString());
        }
        Normalization n = m.normalization();
        ObjectNode norm = root.putObject("normalization");
        norm.putArray("mean").add(n.meanR()).add(n.meanG()).add(n.meanB());
        norm.putArray("std").add(n.stdR()).add(n.stdG()).add(n.stdB());
        ObjectNode cal = root.putObject("calibration");
        cal.put("threshold", m.calibration().threshold());
        cal.put("scale", m.calibration().scale());
        cal.put("rule", m.calibration().rule());
        cal.put("pixelThreshold", m.pixelThreshold());
        ObjectNode metrics = root.putObject("metrics");
        m.metrics().forEach(metrics::put);
        ObjectNode provenance = JSON.valueToTree(m.provenance());
        // Sorted, so that the same model always gives the same bytes.
        ObjectNode env = provenance.putObject("environment");
        new TreeMap<>(m.provenance().environment()).forEach(env::put);
        root.set("provenance", provenance);
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
            int[] channels = new int[arch.path("channels").size()];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = arch.path("channels").get(i).asInt();
            }
            SegmentationArchitecture a = new SegmentationArchitecture(arch.path("inputSize").asInt(), channels,
                    classes.size());
            SegmentationWeights weights = new SegmentationWeights(a, ArchiveContainer.readTensors(entries.get(WEIGHTS)));
            JsonNode norm = root.path("normalization");
            Normalization n = new Normalization((float) norm.path("mean").get(0).asDouble(),
                    (float) norm.path("mean").get(1).asDouble(), (float) norm.path("mean").get(2).asDouble(),
                    (float) norm.path("std").get(0).asDouble(), (float) norm.path("std").get(1).asDouble(),
                    (float) norm.path("std").get(2).asDouble());
            JsonNode cal = root.path("calibration");
            Calibration calibration = new Calibration(cal.path("threshold").asDouble(), cal.path("scale").asDouble(),
                    cal.path("rule").asText());
            Provenance p = JSON.treeToValue(root.path("provenance"), Provenance.class);
            Map<String, Double> metrics = new TreeMap<>();
            root.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            return new SegmentationModel(classes, weights, n, calibration, cal.path("pixelThreshold").asDouble(0.5), p,
                    metrics);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidArchiveException invalid) {
                throw invalid;
            }
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }
}
