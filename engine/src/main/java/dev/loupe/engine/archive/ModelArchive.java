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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
    public static final int FORMAT_VERSION = 1;

    private static final String MODEL = "model.json";
    private static final String WEIGHTS = "weights.bin";
    private static final String MEMORY = "memory.bin";
    private static final String CHECKSUMS = "checksums.json";
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
        entries.put(WEIGHTS, tensors(new TreeMap<>(model.weights().tensors())));
        model.memory().ifPresent(m -> entries.put(MEMORY, tensors(Map.of("memory", m))));
        ObjectNode sums = JSON.createObjectNode();
        sums.put("formatVersion", FORMAT_VERSION);
        ObjectNode files = sums.putObject("sha256");
        entries.forEach((name, bytes) -> files.put(name, sha256(bytes)));
        entries.put(CHECKSUMS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sums));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTime(0); // the same model gives the same bytes
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Reads an archive from bytes; {@code name} appears in error messages. */
    public static TrainedModel fromBytes(byte[] archive, String name) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidArchiveException(name + ": not a readable model archive (" + e.getMessage() + ")", e);
        }
        byte[] sumsBytes = entries.get(CHECKSUMS);
        if (sumsBytes == null) {
            throw new InvalidArchiveException(name + ": not a Loupe model archive (no " + CHECKSUMS + ")");
        }
        try {
            JsonNode sums = JSON.readTree(sumsBytes);
            int version = sums.path("formatVersion").asInt(-1);
            if (version > FORMAT_VERSION) {
                throw new InvalidArchiveException(name + ": archive format " + version + " is newer than this Loupe reads ("
                        + FORMAT_VERSION + "); open it with a newer Loupe");
            }
            if (version < 1) {
                throw new InvalidArchiveException(name + ": missing or bad format version in " + CHECKSUMS);
            }
            JsonNode files = sums.path("sha256");
            for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                byte[] content = entries.get(f.getKey());
                if (content == null) {
                    throw new InvalidArchiveException(name + ": damaged archive: " + f.getKey() + " is missing");
                }
                if (!sha256(content).equals(f.getValue().asText())) {
                    throw new InvalidArchiveException(name + ": damaged archive: checksum of " + f.getKey() + " does not match");
                }
            }
            for (String required : new String[] {MODEL, WEIGHTS}) {
                if (!files.has(required)) {
                    throw new InvalidArchiveException(name + ": damaged archive: " + required + " is not listed");
                }
            }
            return read(JSON.readTree(entries.get(MODEL)), entries, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidArchiveException invalid) {
                throw invalid;
            }
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }

    private static ObjectNode describe(TrainedModel m) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
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
        NetworkWeights weights = new NetworkWeights(a, readTensors(entries.get(WEIGHTS)));
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
            memory = Optional.of(readTensors(bytes).get("memory"));
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

    private static byte[] tensors(Map<String, Tensor> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(tensors.size());
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                float[] data = e.getValue().data();
                out.writeInt(data.length);
                for (float f : data) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, Tensor> readTensors(byte[] bytes) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count < 0 || count > 10_000) {
                throw new IOException("bad tensor count " + count);
            }
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 1 || rank > 8) {
                    throw new IOException("bad rank " + rank + " of " + name);
                }
                long[] shape = new long[rank];
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readLong();
                }
                int n = in.readInt();
                if (n < 0 || n > bytes.length / 4) {
                    throw new IOException("bad size " + n + " of " + name);
                }
                float[] data = new float[n];
                for (int i = 0; i < n; i++) {
                    data[i] = in.readFloat();
                }
                out.put(name, new Tensor(shape, data));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
