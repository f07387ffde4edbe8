package dev.loupe.manifest;

import java.util.Objects;

/**
 * One thing wrong (or, as a warning, suspicious) in a manifest, located precisely enough for a
 * person to open the file and fix it.
 *
 * @param file    the manifest's name as the caller gave it
 * @param line    the 1-based line number; 0 when the problem concerns the file as a whole
 * @param field   the JSON field, dotted for nested ones ({@code anomaly-label-metadata.class-name});
 *                empty when the whole line is at fault
 * @param message what is wrong, in words
 */
public record ManifestProblem(String file, long line, String field, String message) {
    public ManifestProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: field: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        s.append(": ");
        if (!field.isEmpty()) {
            s.append(field).append(": ");
        }
        return s.append(message).toString();
    }
}
