package dev.loupe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.api.LocalLookoutVision;
import dev.loupe.api.TrainingListener;
import dev.loupe.api.model.OutputConfig;
import dev.loupe.api.model.OutputS3Object;
import dev.loupe.api.waiters.LookoutVisionWaiter;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.segmentation.model.SegmentationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The facade opened on the workspace that {@code --workspace} names, for the length of one
 * command. Image locations given to one command ({@code --bucket}, {@code --s3-root}) are
 * remembered in the workspace, so that a model created tomorrow finds the images a dataset
 * imported today; training output goes to a bucket that maps to {@code output/} in the workspace
 * unless {@code --output} names another folder.
 */
final class Session implements AutoCloseable {
    /** The bucket of training output when no {@code --output} is given. */
    static final String OUTPUT_BUCKET = "loupe-output";
    private static final String LOCATIONS_FILE = "cli-locations.json";

    private final LocalLookoutVision lv;
    private final Path workspace;
    private final Map<String, Path> buckets;
    private final Path s3Root;

    private Session(LocalLookoutVision lv, Path workspace, Map<String, Path> buckets, Path s3Root) {
        this.lv = lv;
        this.workspace = workspace;
        this.buckets = buckets;
        this.s3Root = s3Root;
    }

    static Session open(CommandSpec spec) throws IOException {
        return open(spec, null, null, null, null);
    }

    /**
     * @param given    image locations this command was given, remembered from now on (null: none)
     * @param output   a folder for training output, mapped to a bucket of its own (null: none)
     * @param listener hears training progress (null: nobody)
     * @param training training settings other than the engine's defaults (null: none)
     */
    static Session open(CommandSpec spec, Locations given, Path output, TrainingListener listener,
                        TrainingOptions training) throws IOException {
        Path workspace = Loupe.of(spec).workspace.toAbsolutePath().normalize();
        Files.createDirectories(workspace);
        Path file = workspace.resolve(LOCATIONS_FILE);
        Map<String, Path> buckets = new LinkedHashMap<>();
        Path s3Root = null;
        if (Files.exists(file)) {
            JsonNode saved = Json.MAPPER.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = saved.path("buckets").fields(); it.hasNext(); ) {
                var e = it.next();
                buckets.put(e.getKey(), Path.of(e.getValue().asText()));
            }
            s3Root = saved.hasNonNull("s3Root") ? Path.of(saved.get("s3Root").asText()) : null;
        }
        buckets.putIfAbsent(OUTPUT_BUCKET, workspace.resolve("output"));
        boolean changed = false;
        if (given != null) {
            for (var e : given.bucketMap(spec.commandLine()).entrySet()) {
                changed |= !e.getValue().toAbsolutePath().normalize().equals(buckets.put(e.getKey(),
                        e.getValue().toAbsolutePath().normalize()));
            }
            if (given.s3Root != null) {
                s3Root = given.s3Root.toAbsolutePath().normalize();
                changed = true;
            }
        }
        if (output != null) {
            Path dir = output.toAbsolutePath().normalize();
            changed |= !dir.equals(buckets.put(outputBucket(dir), dir));
        }
        if (changed) {
            save(file, buckets, s3Root);
        }
        LocalLookoutVision.Builder b = LocalLookoutVision.builder().workspace(workspace).s3Root(s3Root);
        buckets.forEach(b::bucket);
        if (listener != null) {
            b.trainingListener(listener);
        }
        if (training != null) {
            b.modelConfig(training.apply(ModelConfig.defaults())).segmentationConfig(training.apply(
                    SegmentationConfig.defaults()));
        }
        LocalLookoutVision lv;
        try {
            lv = b.build();
        } catch (IllegalStateException e) { // locked by another process, or written by a newer version
            throw CommandFailure.of("workspace " + workspace + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        lv.repairs().forEach(r -> err.println("loupe: repaired on opening the workspace: " + r));
        return new Session(lv, workspace, buckets, s3Root);
    }

    LocalLookoutVision lv() {
        return lv;
    }

    /**
     * A waiter without a practical deadline: imports, training and packaging run in this process,
     * so giving up on them would end the process and abandon the work.
     */
    LookoutVisionWaiter waiter() {
        return LookoutVisionWaiter.builder().client(lv).maxWait(Duration.ofDays(365)).build();
    }

    /** Resolves {@code s3://} references as the facade does (for reading its output files). */
    ImageLocator locator() {
        ImageLocator.Builder b = ImageLocator.builder().base(workspace).s3Root(s3Root);
        buckets.forEach(b::bucket);
        return b.build();
    }

    /** The local file of an object the facade wrote. */
    Path file(OutputS3Object o) {
        return locator().resolve("s3://" + o.bucket() + "/" + o.key());
    }

    /** Where a model's training output goes: {@code --output DIR}, else the workspace's output folder. */
    static OutputConfig outputConfig(Path output, String project) {
        String bucket = output == null ? OUTPUT_BUCKET : outputBucket(output.toAbsolutePath().normalize());
        return OutputConfig.builder().s3Location(s -> s.bucket(bucket).prefix(project + "/")).build();
    }

    /** A bucket name of the service's pattern that stands for one output folder. */
    private static String outputBucket(Path dir) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return "loupe-output-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void save(Path file, Map<String, Path> buckets, Path s3Root) throws IOException {
        ObjectNode o = Json.object();
        ObjectNode b = o.putObject("buckets");
        buckets.forEach((name, dir) -> b.put(name, dir.toString()));
        if (s3Root != null) {
            o.put("s3Root", s3Root.toString());
        }
        // Written beside and renamed over, so that a crash leaves the old file or the new one.
        Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
        Files.writeString(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        lv.close();
    }
}
