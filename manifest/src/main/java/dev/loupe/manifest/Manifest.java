package dev.loupe.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole manifest, validated: its entries (one per source-ref, the last line winning as
 * UpdateDatasetEntries replaced by source-ref), the anomaly classes its masks use, and the
 * warnings met on the way.
 *
 * <pre>{@code
 * Manifest m = Manifest.read(Path.of("train.manifest"));   // throws ManifestException when invalid
 * m.entries().forEach(e -> ...);
 * }</pre>
 *
 * <p>For a report of every problem instead of an exception, use {@link #check}. Immutable.
 *
 * @param file     the manifest's name, as problems name it
 * @param entries  the entries in order of first appearance, one per source-ref
 * @param classes  the anomaly classes of the masks, in order of first appearance
 * @param warnings warnings (duplicate source-refs, ...); they do not make the manifest invalid
 */
public record Manifest(String file, List<ManifestEntry> entries, List<AnomalyClass> classes,
                       List<ManifestProblem> warnings) {

    /** The service's limit on anomaly labels in one project. */
    public static final int MAX_LABELS_PER_PROJECT = 100;

    public Manifest {
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
        classes = List.copyOf(classes);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads and validates a manifest file.
     *
     * @throws ManifestException listing every problem, when any line is invalid
     */
    public static Manifest read(Path file) throws IOException {
        try (ManifestReader r = ManifestReader.open(file)) {
            return check(r).orThrow();
        }
    }

    /** Reads and validates a manifest from a stream. */
    public static Manifest read(InputStream in, String fileName) throws IOException {
        try (ManifestReader r = ManifestReader.open(in, fileName)) {
            return check(r).orThrow();
        }
    }

    /** Reads every line of {@code reader}, collecting entries and problems rather than throwing. */
    public static Check check(ManifestReader reader) {
        Collector c = new Collector(reader.fileName());
        try {
            reader.lines().forEach(c::accept);
        } catch (ManifestException e) {
            c.problems.addAll(e.problems());
        } catch (UncheckedIOException e) {
            c.problems.add(new ManifestProblem(reader.fileName(), 0, "", e.getMessage()));
        }
        return c.result();
    }

    /** True when any entry has a mask: the data of an image segmentation model. */
    public boolean isSegmentation() {
        return entries.stream().anyMatch(ManifestEntry::hasMask);
    }

    public long count(Label label) {
        return entries.stream().filter(e -> e.label() == label).count();
    }

    /**
     * The outcome of reading a whole manifest without stopping at the first bad line.
     *
     * @param manifest the valid entries (a partial manifest when there are problems)
     * @param problems every problem found; empty when the manifest is valid
     */
    public record Check(Manifest manifest, List<ManifestProblem> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The manifest, or a {@link ManifestException} with every problem. */
        public Manifest orThrow() {
            if (!problems.isEmpty()) {
                throw new ManifestException(problems);
            }
            return manifest;
        }
    }

    /** Folds lines into entries, applying the rules that span lines. */
    private static final class Collector {
        private final String file;
        private final Map<String, ManifestEntry> bySource = new LinkedHashMap<>();
        private final Map<String, AnomalyClass> classes = new LinkedHashMap<>();
        private final Map<String, Long> classLine = new LinkedHashMap<>();
        private final List<ManifestProblem> problems = new ArrayList<>();
        private final List<ManifestProblem> warnings = new ArrayList<>();

        Collector(String file) {
            this.file = file;
        }

        void accept(ManifestLine line) {
            if (line instanceof InvalidLine invalid) {
                problems.addAll(invalid.problems());
                return;
            }
            ManifestEntry e = (ManifestEntry) line;
            if (e.mask().isPresent() && !checkClasses(e)) {
                return;
            }
            ManifestEntry previous = bySource.put(e.sourceRef(), e);
            if (previous != null) {
                warnings.add(new ManifestProblem(file, e.line(), "source-ref", "duplicate of line "
                        + previous.line() + " (" + e.sourceRef() + "); this later line replaces it"));
            }
        }

        /** A class keeps one colour across the manifest, and a project has at most 100 classes. */
        private boolean checkClasses(ManifestEntry e) {
            MaskAnnotation mask = e.mask().orElseThrow();
            boolean ok = true;
            for (Map.Entry<Integer, MaskAnnotation.MapEntry> me : mask.colorMap().entrySet()) {
                MaskAnnotation.MapEntry c = me.getValue();
                if (c.isBackground()) {
                    continue;
                }
                String field = mask.attribute() + "-metadata.internal-color-map." + me.getKey() + ".hex-color";
                AnomalyClass known = classes.get(c.className());
                if (known != null && !known.color().equals(c.color())) {
                    problems.add(new ManifestProblem(file, e.line(), field, "class \"" + c.className() + "\" has colour "
                            + c.color() + " here but " + known.color() + " on line " + classLine.get(c.className())));
                    ok = false;
                } else if (known == null) {
                    for (AnomalyClass other : classes.values()) {
                        if (other.color().equals(c.color())) {
                            problems.add(new ManifestProblem(file, e.line(), field, "colour " + c.color()
                                    + " is class \"" + other.name() + "\" on line " + classLine.get(other.name())
                                    + ", so it cannot also be \"" + c.className() + "\""));
                            ok = false;
                        }
                    }
                    if (ok && classes.size() == MAX_LABELS_PER_PROJECT) {
                        problems.add(new ManifestProblem(file, e.line(), field, "class \"" + c.className()
                                + "\" would be anomaly label " + (MAX_LABELS_PER_PROJECT + 1)
                                + "; a project has at most " + MAX_LABELS_PER_PROJECT));
                        ok = false;
                    }
                    if (ok) {
                        classes.put(c.className(), new AnomalyClass(c.className(), c.color()));
                        classLine.put(c.className(), e.line());
                    }
                }
            }
            return ok;
        }

        Check result() {
            return new Check(new Manifest(file, new ArrayList<>(bySource.values()),
                    new ArrayList<>(classes.values()), warnings), problems);
        }
    }
}
