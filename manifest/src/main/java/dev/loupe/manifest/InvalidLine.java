package dev.loupe.manifest;

import java.util.List;

/**
 * A manifest line that could not be read as an entry.
 *
 * @param line     the 1-based line number
 * @param problems every problem found on it, at least one
 */
public record InvalidLine(long line, List<ManifestProblem> problems) implements ManifestLine {
    public InvalidLine {
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid line has at least one problem");
        }
    }
}
