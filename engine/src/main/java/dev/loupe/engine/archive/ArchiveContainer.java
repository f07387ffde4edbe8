package dev.loupe.engine.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.engine.network.Tensor;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The container every model archive shares, whatever its model type: a zip of named entries
 * plus {@code checksums.json} (the format version and the SHA-256 of every other entry), and the
 * tensor encoding (name, shape, big-endian floats). Reading checks the version and every
 * checksum, so a damaged or newer archive is refused with a message, never half read.
 * Stateless.
 */
public final class ArchiveContainer {
    /**
     * The format this version writes, and the newest it reads. 2: a classification archive may
     * hold an appearance term, which a reader of format 1 would silently ignore and so score
     * differently.
     */
    public static final int FORMAT_VERSION = 2;
    /** Every archive's description entry; it names the model type. */
    public static final String MODEL = "model.json";
    static final String CHECKSUMS = "checksums.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ArchiveContainer() {
    }

    /**
     * Writes archive bytes to {@code file} through a synced temporary file renamed over it, so that
     * a crash leaves the old archive or the new one, never half of one.
     */
    public static void save(byte[] archive, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(archive);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Zips the entries, in order, with their checksums; the same entries give the same bytes. */
    public static byte[] write(Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>(entries);
        ObjectNode sums = JSON.createObjectNode();
        sums.put("formatVersion", FORMAT_VERSION);
        ObjectNode files = sums.putObject("sha256");
        entries.forEach((name, bytes) -> files.put(name, sha256(bytes)));
        all.put(CHECKSUMS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(sums));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : all.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTime(0); // the same model gives the same bytes
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The checked entries of an archive.
     *
     * @param name     how messages name the archive
     * @param required entries that must be present and listed
     * @throws InvalidArchiveException when it is damaged, incomplete or of a newer format
     */
    public static Map<String, byte[]> read(byte[] archive, String name, String... required) {
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
            for (String r : required) {
                if (!files.has(r)) {
                    throw new InvalidArchiveException(name + ": damaged archive: " + r + " is not listed");
                }
            }
            return entries;
        } catch (IOException e) {
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }

    /** The model type an archive holds ({@code classification}, {@code segmentation}), after checking it. */
    public static String modelType(byte[] archive, String name) {
        try {
            return JSON.readTree(read(archive, name, MODEL).get(MODEL)).path("modelType").asText();
        } catch (IOException e) {
            throw new InvalidArchiveException(name + ": damaged archive (" + e.getMessage() + ")", e);
        }
    }

    public static byte[] tensors(Map<String, Tensor> tensors) {
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

    public static Map<String, Tensor> readTensors(byte[] bytes) throws IOException {
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
