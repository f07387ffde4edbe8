package dev.loupe.api.workspace;

import dev.loupe.manifest.ManifestEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One dataset entry as the workspace keeps it: the manifest line verbatim, when it was added
 * (what ListDatasetEntries' date filters compare), and the folder its relative references
 * resolve against.
 *
 * @param created when the line was imported or last replaced
 * @param base    the folder for relative {@code source-ref}s and mask references; empty when the
 *                line only holds {@code s3://} or {@code file:} references
 * @param entry   the parsed line; {@link ManifestEntry#json()} is returned as written
 */
public record StoredEntry(Instant created, Optional<String> base, ManifestEntry entry) {
    public StoredEntry {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(entry, "entry");
    }

    public String sourceRef() {
        return entry.sourceRef();
    }
}
