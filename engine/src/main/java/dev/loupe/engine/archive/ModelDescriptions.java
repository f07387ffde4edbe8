package dev.loupe.engine.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.preprocess.Normalization;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of {@code model.json} every model type shares: input normalisation, calibration,
 * metrics, provenance and the channel list, written and read back the same way by each type's
 * archive. Keys are written in a fixed order (maps sorted), so the same model gives the same
 * bytes. Stateless.
 */
public final class ModelDescriptions {
    private ModelDescriptions() {
    }

    public static void putChannels(ObjectNode architecture, int[] channels) {
        ArrayNode array = architecture.putArray("channels");
        for (int c : channels) {
            array.add(c);
        }
    }

    public static int[] channels(JsonNode architecture) {
        int[] channels = new int[architecture.path("channels").size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = architecture.path("channels").get(i).asInt();
        }
        return channels;
    }

    public static void putNormalization(ObjectNode root, Normalization n) {
        ObjectNode norm = root.putObject("normalization");
        norm.putArray("mean").add(n.meanR()).add(n.meanG()).add(n.meanB());
        norm.putArray("std").add(n.stdR()).add(n.stdG()).add(n.stdB());
    }

    public static Normalization normalization(JsonNode root) {
        JsonNode mean = root.path("normalization").path("mean");
        JsonNode std = root.path("normalization").path("std");
        return new Normalization((float) mean.get(0).asDouble(), (float) mean.get(1).asDouble(),
                (float) mean.get(2).asDouble(), (float) std.get(0).asDouble(), (float) std.get(1).asDouble(),
                (float) std.get(2).asDouble());
    }

    /** Writes the calibration and returns its node, for a model type's own calibration fields. */
    public static ObjectNode putCalibration(ObjectNode root, Calibration c) {
        ObjectNode cal = root.putObject("calibration");
        cal.put("threshold", c.threshold());
        cal.put("scale", c.scale());
        cal.put("rule", c.rule());
        return cal;
    }

    public static Calibration calibration(JsonNode root) {
        JsonNode cal = root.path("calibration");
        return new Calibration(cal.path("threshold").asDouble(), cal.path("scale").asDouble(), cal.path("rule").asText());
    }

    public static void putMetrics(ObjectNode root, Map<String, Double> metrics) {
        ObjectNode node = root.putObject("metrics");
        new TreeMap<>(metrics).forEach(node::put);
    }

    public static Map<String, Double> metrics(JsonNode root) {
        Map<String, Double> metrics = new TreeMap<>();
        root.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return metrics;
    }

    public static void putProvenance(ObjectNode root, Provenance p) {
        ObjectNode prov = root.putObject("provenance");
        prov.put("datasetHash", p.datasetHash());
        prov.put("trainNormal", p.trainNormal());
        prov.put("trainAnomalous", p.trainAnomalous());
        prov.put("validationNormal", p.validationNormal());
        prov.put("validationAnomalous", p.validationAnomalous());
        prov.put("seed", p.seed());
        prov.put("config", p.config());
        prov.put("trainSeconds", p.trainSeconds());
        ObjectNode env = prov.putObject("environment");
        new TreeMap<>(p.environment()).forEach(env::put);
    }

    public static Provenance provenance(JsonNode root) {
        JsonNode prov = root.path("provenance");
        Map<String, String> env = new TreeMap<>();
        prov.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return new Provenance(prov.path("datasetHash").asText(), prov.path("trainNormal").asInt(),
                prov.path("trainAnomalous").asInt(), prov.path("validationNormal").asInt(),
                prov.path("validationAnomalous").asInt(), prov.path("seed").asLong(), prov.path("config").asText(), env,
                prov.path("trainSeconds").asDouble());
    }
}
