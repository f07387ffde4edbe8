package dev.loupe.segmentation.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The artifact of a packaged model: a zip holding {@value #MODEL} (the model archive, checked
 * on load by its own checksums) and {@value #RUNTIME} (what the model is and what it was packaged
 * for). Stateless.
 */
public final class EdgePackage {
    /** The model archive's name inside the artifact. */
    public static final String MODEL = "model.loupe";
    /** The runtime description's name inside the artifact. */
    public static final String RUNTIME = "runtime.json";
    /** The artifact format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private EdgePackage() {
    }

    /**
     * What a packaged model is.
     *
     * @param formatVersion    {@link #FORMAT_VERSION}
     * @param projectName      the project it was trained in
     * @param modelVersion     its version there
     * @param modelType        {@code classification} or {@code segmentation}
     * @param componentName    the Greengrass component name
     * @param componentVersion the Greengrass component version
     * @param target           the target it was packaged for ({@code jetson_xavier}, {@code LINUX/X86_64}, ...)
     */
    public record Runtime(int formatVersion, String projectName, String modelVersion, String modelType,
                          String componentName, String componentVersion, String target) {
        public Runtime {
            Objects.requireNonNull(modelType, "modelType");
        }
    }

    /** The artifact's bytes. */
    public static byte[] zip(byte[] modelArchive, Runtime runtime) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(modelArchive.length + 4096);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(RUNTIME));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(runtime));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(MODEL));
            zip.write(modelArchive);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the artifact in memory", e);
        }
        return bytes.toByteArray();
    }
}
