package dev.loupe.api.dataset;

import dev.loupe.manifest.ManifestProblem;
import java.util.List;

/**
 * Dataset contents that cannot be stored, with every problem found; the message names the
 * first few, each as {@code file:line: field: message}.
 */
public final class ImportException extends IllegalArgumentException {
    /** How many problems the message spells out; the rest are counted. */
    static final int SHOWN = 5;

    private final List<ManifestProblem> problems;
    private final boolean quota;

    ImportException(List<ManifestProblem> problems, boolean quota) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        this.quota = quota;
    }

    ImportException(ManifestProblem problem) {
        this(List.of(problem), false);
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    /** True when the contents are fine but exceed a service quota (16,000 images, 100 labels). */
    public boolean quota() {
        return quota;
    }

    private static String describe(List<ManifestProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, problems.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > SHOWN) {
            sb.append("; and ").append(problems.size() - SHOWN).append(" more problems");
        }
        return sb.toString();
    }
}
