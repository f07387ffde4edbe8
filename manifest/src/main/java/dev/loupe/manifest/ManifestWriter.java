package dev.loupe.manifest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Writes manifest lines: each entry's JSON as it was read (or built), one per line, UTF-8, no
 * byte order mark, {@code \n} line ends. {@link ManifestReader} reads the output back into equal
 * entries. Not thread-safe.
 */
public final class ManifestWriter implements Closeable {
    private final Writer out;

    private ManifestWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    public static ManifestWriter open(OutputStream stream) {
        return new ManifestWriter(stream);
    }

    public static ManifestWriter create(Path file) throws IOException {
        return new ManifestWriter(Files.newOutputStream(file));
    }

    /** Writes {@code entries} to {@code file}, replacing it. */
    public static void write(Path file, Collection<ManifestEntry> entries) throws IOException {
        try (ManifestWriter w = create(file)) {
            for (ManifestEntry e : entries) {
                w.write(e);
            }
        }
    }

    public void write(ManifestEntry entry) throws IOException {
        out.write(entry.json());
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
