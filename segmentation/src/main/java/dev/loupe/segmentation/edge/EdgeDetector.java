package dev.loupe.segmentation.edge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A packaged model, loaded from the artifact a model packaging job wrote (the zip, or a folder
 * it was unpacked into), answering images in the shape of DetectAnomalies.
 *
 * <pre>{@code
 * try (EdgeDetector edge = EdgeDetector.open(Path.of("my-component-1.0.0.zip"))) {
 *     EdgeResult r = edge.detect(Files.readAllBytes(Path.of("part.jpg")));
 *     System.out.println(r.toJson());
 * }
 * }</pre>
 *
 * <p>Thread-safe: a pool of detectors, one per available processor, serves concurrent calls.
 * {@link #close()} releases their native memory.
 */
public final class EdgeDetector implements AutoCloseable {
    private final EdgePackage.Runtime runtime;
    private final ModelHost host;

    private EdgeDetector(EdgePackage.Runtime runtime, ModelHost host) {
        this.runtime = runtime;
        this.host = host;
    }

    /**
     * Opens an artifact.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not an artifact of a supported format, or the
     *                                  model archive in it is damaged
     */
    public static EdgeDetector open(Path artifact) throws IOException {
        byte[] runtimeJson;
        byte[] model;
        if (Files.isDirectory(artifact)) {
            runtimeJson = readIfExists(artifact.resolve(EdgePackage.RUNTIME));
            model = readIfExists(artifact.resolve(EdgePackage.MODEL));
        } else {
            runtimeJson = null;
            model = null;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(artifact))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (e.getName().equals(EdgePackage.RUNTIME)) {
                        runtimeJson = zip.readAllBytes();
                    } else if (e.getName().equals(EdgePackage.MODEL)) {
                        model = zip.readAllBytes();
                    }
                }
            }
        }
        if (runtimeJson == null || model == null) {
            throw new IllegalArgumentException(artifact + " is not a packaged model: it lacks "
                    + (runtimeJson == null ? EdgePackage.RUNTIME : EdgePackage.MODEL));
        }
        EdgePackage.Runtime runtime = EdgePackage.JSON.readValue(runtimeJson, EdgePackage.Runtime.class);
        if (runtime.formatVersion() > EdgePackage.FORMAT_VERSION) {
            throw new IllegalArgumentException(artifact + " was packaged by a newer version (format "
                    + runtime.formatVersion() + "; this version reads up to " + EdgePackage.FORMAT_VERSION + ")");
        }
        return new EdgeDetector(runtime, ModelHost.open(model, artifact + "!" + EdgePackage.MODEL, 1,
                Math.max(1, Runtime.getRuntime().availableProcessors())));
    }

    /** What the packaged model is. */
    public EdgePackage.Runtime runtime() {
        return runtime;
    }

    /**
     * Analyses PNG or JPEG bytes.
     *
     * @throws dev.loupe.engine.image.InvalidImageException for bytes the service would refuse
     */
    public EdgeResult detect(byte[] image) {
        return host.detect(image);
    }

    @Override
    public void close() {
        host.close();
    }

    private static byte[] readIfExists(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }
}
