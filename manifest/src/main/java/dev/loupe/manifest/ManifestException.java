package dev.loupe.manifest;

import java.util.List;

/**
 * A manifest that cannot be used as it is. Carries every problem found (up to a limit), each
 * naming file, line and field; the message lists the first few.
 */
public final class ManifestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int PROBLEMS_IN_MESSAGE = 10;

    private final transient List<ManifestProblem> problems;

    public ManifestException(List<ManifestProblem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ManifestException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ManifestException(ManifestProblem problem) {
        this(List.of(problem));
    }

    public List<ManifestProblem> problems() {
        return problems;
    }

    private static String describe(List<ManifestProblem> problems) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(PROBLEMS_IN_MESSAGE, problems.size()); i++) {
            if (i > 0) {
                s.append('\n');
            }
            s.append(problems.get(i));
        }
        if (problems.size() > PROBLEMS_IN_MESSAGE) {
            s.append("\n... and ").append(problems.size() - PROBLEMS_IN_MESSAGE).append(" more problems");
        }
        return s.toString();
    }
}
