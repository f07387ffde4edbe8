package dev.loupe.engine.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.model.ScoringMode;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.network.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>Layout: {@code model.json} (the description), {@code weights.bin}, for the label-free
 * mode {@code memory.bin}, for a model with an appearance term {@code appearance.bin} (tensors:
 * name, shape, big-endian floats), and {@code checksums.json}
 * (SHA-256 of each of the others, and the format version). Saving writes a temporary file,
 * forces it to disk and renames it, so a crash leaves either the old archive or the new one.
 */
public final class ModelArchive {
    /** The format this version writes, and the newest it reads. */
    public static final int FORMAT_VERSION = ArchiveContainer.FORMAT_VERSION;

    private static final String MODEL = "model.json";
    private static final String WEIGHTS = "weights.bin";
    private static final String MEMORY = "memory.bin";
    private static final String APPEARANCE = "appearance.bin";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ModelArchive() {
    }

    /** Writes the archive atomically. */
    public static void save(TrainedModel model, Path file) throws IOException {
        ArchiveContainer.save(toBytes(model), file);
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
        model.fusion().ifPresent(f -> entries.put(APPEARANCE, ArchiveContainer.tensors(
                Map.of("mean", f.appearance().mean(), "precision", f.appearance().precision()))));
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
        ModelDescriptions.putChannels(arch, a.channels());
        arch.put("scoreMargin", a.scoreMargin());
        ModelDescriptions.putNormalization(root, m.normalization());
        m.fusion().ifPresent(f -> {
            ObjectNode fusion = root.putObject("fusion");
            fusion.put("appearanceFeatures", AppearanceFeatures.VERSION);
            fusion.put("networkCentre", f.networkCentre());
            fusion.put("networkWeight", f.networkWeight());
            fusion.put("appearanceCentre", f.appearanceCentre());
            fusion.put("appearanceWeight", f.appearanceWeight());
        });
        ModelDescriptions.putCalibration(root, m.calibration());
        root.putArray("classes");
        ModelDescriptions.putMetrics(root, m.metrics());
        ModelDescriptions.putProvenance(root, m.provenance());
        return root;
    }

    private static TrainedModel read(JsonNode root, Map<String, byte[]> entries, String name) throws IOException {
        JsonNode arch = root.path("architecture");
        Architecture a = new Architecture(arch.path("inputSize").asInt(), ModelDescriptions.channels(arch),
                arch.path("scoreMargin").asInt());
        NetworkWeights weights = new NetworkWeights(a, ArchiveContainer.readTensors(entries.get(WEIGHTS)));
        ScoringMode mode = ScoringMode.valueOf(root.path("scoringMode").asText());
        Optional<Tensor> memory = Optional.empty();
        if (mode == ScoringMode.PATCH_MEMORY) {
            byte[] bytes = entries.get(MEMORY);
            if (bytes == null) {
                throw new InvalidArchiveException(name + ": damaged archive: " + MEMORY + " is missing");
            }
            memory = Optional.of(ArchiveContainer.readTensors(bytes).get("memory"));
        }
        Optional<ScoreFusion> fusion = readFusion(root.path("fusion"), entries, name);
        return new TrainedModel(root.path("modelType").asText(), weights, ModelDescriptions.normalization(root), mode,
                memory, fusion, ModelDescriptions.calibration(root), ModelDescriptions.provenance(root),
                ModelDescriptions.metrics(root));
    }

    /** The appearance term of {@code model.json}'s {@code fusion} and {@code appearance.bin}, if the model has one. */
    private static Optional<ScoreFusion> readFusion(JsonNode f, Map<String, byte[]> entries, String name) throws IOException {
        if (f.isMissingNode()) {
            return Optional.empty();
        }
        String features = f.path("appearanceFeatures").asText();
        if (!features.equals(AppearanceFeatures.VERSION)) {
            throw new InvalidArchiveException(name + ": its appearance features are \"" + features
                    + "\", which this Loupe does not compute (it computes \"" + AppearanceFeatures.VERSION + "\")");
        }
        byte[] bytes = entries.get(APPEARANCE);
        if (bytes == null) {
            throw new InvalidArchiveException(name + ": damaged archive: " + APPEARANCE + " is missing");
        }
        Map<String, Tensor> t = ArchiveContainer.readTensors(bytes);
        if (t.get("mean") == null || t.get("mean").size() != AppearanceFeatures.LENGTH) {
            throw new InvalidArchiveException(name + ": damaged archive: " + APPEARANCE + " has no mean of "
                    + AppearanceFeatures.LENGTH + " values");
        }
        return Optional.of(new ScoreFusion(new AppearanceModel(t.get("mean"), t.get("precision")),
                f.path("networkCentre").asDouble(), f.path("networkWeight").asDouble(),
                f.path("appearanceCentre").asDouble(), f.path("appearanceWeight").asDouble()));
    }
}
