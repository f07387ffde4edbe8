package dev.loupe.api.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loupe.manifest.InvalidLine;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestLine;
import dev.loupe.manifest.ManifestReader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Lines file of a dataset's entries. Each line wraps the manifest line unchanged:
 * <pre>{@code {"created":"2026-11-30T04:00:00Z","base":"/data/cookies","entry":{"source-ref":...}}}</pre>
 * The manifest line is copied as raw text both ways, so its field order, spacing and numbers come
 * back exactly as the user wrote them.
 */
final class EntryFile {
    private static final JsonFactory JSON = new JsonFactory();

    private EntryFile() {
    }

    static void write(Path file, List<StoredEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, entries.size() * 256));
        StringWriter line = new StringWriter(512);
        for (StoredEntry e : entries) {
            line.getBuffer().setLength(0);
            try (JsonGenerator g = JSON.createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("created", e.created().toString());
                if (e.base().isPresent()) {
                    g.writeStringField("base", e.base().get());
                }
                g.writeFieldName("entry");
                g.writeRawValue(e.entry().json());
                g.writeEndObject();
            }
            line.write('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        AtomicFiles.write(file, out.toByteArray());
    }

    /** @throws IOException naming the file and line, when the file is not one this class wrote */
    static List<StoredEntry> read(Path file) throws IOException {
        List<StoredEntry> entries = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long n = 0;
            while ((text = r.readLine()) != null) {
                n++;
                if (!text.isBlank()) {
                    entries.add(parse(file, n, text));
                }
            }
        }
        return entries;
    }

    private static StoredEntry parse(Path file, long n, String text) throws IOException {
        Instant created = null;
        String base = null;
        String raw = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ":" + n + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "created" -> created = Instant.parse(p.getText());
                    case "base" -> base = p.getText();
                    case "entry" -> {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        if (value != JsonToken.START_OBJECT) {
                            throw new IOException(file + ":" + n + ": entry: not a JSON object");
                        }
                        p.skipChildren();
                        int end = (int) p.currentLocation().getCharOffset();
                        raw = text.substring(start, end);
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
        }
        if (created == null || raw == null) {
            throw new IOException(file + ":" + n + ": missing " + (created == null ? "created" : "entry"));
        }
        ManifestLine line = ManifestReader.parseLine(file.getFileName().toString(), n, raw);
        if (line instanceof InvalidLine bad) {
            throw new IOException(file + ":" + n + ": " + bad.problems().get(0));
        }
        return new StoredEntry(created, Optional.ofNullable(base), (ManifestEntry) line);
    }
}
