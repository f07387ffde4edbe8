package dev.loupe.manifest;

/**
 * What the reader makes of one non-blank manifest line: a valid entry, or the problems that keep
 * it from being one.
 */
public sealed interface ManifestLine permits ManifestEntry, InvalidLine {
    /** The 1-based line number in the file. */
    long line();
}
