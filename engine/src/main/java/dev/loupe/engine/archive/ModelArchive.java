package dev.loupe.engine.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.ScoringMode;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.network.Tensor;
import dev.loupe.engine.preprocess.Normalization;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Saves and loads {@link TrainedModel}s.
 *
 * <pre>{@code
 * ModelArchive.save(model, Path.of("model.loupe"));
 * TrainedModel back = ModelArchive.load(Path.of("model.loupe"));   // InvalidArchiveException if damaged
 * }</pre>
 *
 * <p>Layout: {@code model.json} (the description), {@code weights.bin} and, for the label-free
 * mode, {@code memory.bin} (tensors: name, shape, big-endian floats), and {@code checksums.json}
 * (SHA-256 of each of the others, and the format version). Saving writes a temporary file,
 * forces it to disk and renames it, so a crash leaves either the old archive or the new one.
 */
public final class ModelArchive {
    /** The format this version writes, and the newest it reads. */
    public static final int FORMAT_VERSION = ArchiveContainer.FORMAT_VERSION;

    private static final String MODEL = "model.json";
    private static final String WEIGHTS = "weights.bin";
    private static final String MEMORY = "memory.bin";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ModelArchive() {
    }

    /** Writes the archive atomically. */
    public static void save(TrainedModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(toBytes(model));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static TrainedModel load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file), file.toString());
    }

    /** The archive as bytes (what {@link #save} writes). */
    public static byte[] toBytes(TrainedModel model) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MODEL, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(describe(model)));
        entries.put(WEIGHTS, ArchiveContainer.tensors(new TreeMap<>(model.weights().tensors())));
        model.memory().ifPresent(m -> entries.put(MEMORY, ArchiveContainer.tensors(Map.of("memory", m))));
        return ArchiveContainer.write(entries);
    }

    /** Reads an archive from bytes; {@code name} appears in error messages. */
    public static TrainedModel fromBytes(byte[] archive, String name) {
        Map<String, byte[]> entries = ArchiveContainer.read(archive, name, MODEL, WEIGHTS);
        try {
            JsonNode model = JSON.readTree(entries.get(MODEL));
            String type = model.path("modelType").asText();
            if (!type.equals(TrainedModel.CLASSIFICATION)) {
                throw new InvalidArchiveException(name + ": holds a " + type + " model, not a classification model");
            }
            return read(model, entries, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidArchiveException invalid) {
                throw invalid;
            }
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectNode describe(TrainedModel m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", ArchiveContainer.FORMAT_VERSION);
        root.put("modelType", m.modelType());
        root.put("scoringMode", m.mode().name());
        Architecture a = m.weights().architecture();
        ObjectNode arch = root.putObject("architecture");
        arch.put("inputSize", a.inputSize());
        ArrayNode channels = arch.putArray("channels");
        for (int c : a.channels()) {
            channels.add(c);
        }
        arch.put("scoreMargin", a.scoreMargin());
        Normalization n = m.normalization();
        ObjectNode norm = root.putObject("normalization");
        norm.putArray("mean").add(n.meanR()).add(n.meanG()).add(n.meanB());
        norm.putArray("std").add(n.stdR()).add(n.stdG()).add(n.stdB());
        ObjectNode cal = root.putObject("calibration");
        cal.put("threshold", m.calibration().threshold());
        cal.put("scale", m.calibration().scale());
        cal.put("rule", m.calibration().rule());
        root.putArray("classes");
        ObjectNode metrics = root.putObject("metrics");
        m.metrics().forEach(metrics::put);
        Provenance p = m.provenance();
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
        return root;
    }

    private static TrainedModel read(JsonNode root, Map<String, byte[]> entries, String name) throws IOException {
        JsonNode arch = root.path("architecture");
        int[] channels = new int[arch.path("channels").size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = arch.path("channels").get(i).asInt();
        }
        Architecture a = new Architecture(arch.path("inputSize").asInt(), channels, arch.path("scoreMargin").asInt());
        NetworkWeights weights = new NetworkWeights(a, ArchiveContainer.readTensors(entries.get(WEIGHTS)));
        JsonNode norm = root.path("normalization");
        Normalization n = new Normalization((float) norm.path("mean").get(0).asDouble(), (float) norm.path("mean").get(1).asDouble(),
                (float) norm.path("mean").get(2).asDouble(), (float) norm.path("std").get(0).asDouble(),
                (float) norm.path("std").get(1).asDouble(), (float) norm.path("std").get(2).asDouble());
        ScoringMode mode = ScoringMode.valueOf(root.path("scoringMode").asText());
        Optional<Tensor> memory = Optional.empty();
        if (mode == ScoringMode.PATCH_MEMORY) {
            byte[] bytes = entries.get(MEMORY);
            if (bytes == null) {
                throw new InvalidArchiveException(name + ": damaged archive: " + MEMORY + " is missing");
            }
            memory = Optional.of(ArchiveContainer.readTensors(bytes).get("memory"));
        }
        JsonNode cal = root.path("calibration");
        Calibration calibration = new Calibration(cal.path("threshold").asDouble(), cal.path("scale").asDouble(),
                cal.path("rule").asText());
        JsonNode prov = root.path("provenance");
        Map<String, String> env = new TreeMap<>();
        prov.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        Provenance p = new Provenance(prov.path("datasetHash").asText(), prov.path("trainNormal").asInt(),
                prov.path("trainAnomalous").asInt(), prov.path("validationNormal").asInt(),
                prov.path("validationAnomalous").asInt(), prov.path("seed").asLong(), prov.path("config").asText(), env,
                prov.path("trainSeconds").asDouble());
        Map<String, Double> metrics = new TreeMap<>();
        root.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new TrainedModel(root.path("modelType").asText(), weights, n, mode, memory, calibration, p, metrics);
    }
}
