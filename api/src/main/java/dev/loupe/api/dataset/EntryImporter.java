package dev.loupe.api.dataset;

import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.ImageFormat;
import dev.loupe.engine.image.ImageHeader;
import dev.loupe.engine.image.InvalidImageException;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestProblem;
import dev.loupe.manifest.ManifestReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a manifest into dataset entries, checking what the service checked at import: every
 * line valid (LOOKOUT_API §5), at most 8,192 characters, every image present, a PNG or JPEG
 * within the service's limits, every mask a PNG, at most 16,000 images and 100 anomaly labels.
 *
 * <pre>{@code
 * List<StoredEntry> entries = importer.read(Path.of("train.manifest"), null, "train.manifest", clock.instant());
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class EntryImporter {
    /** The service's limit on images in one dataset. */
    public static final int MAX_IMAGES = 16_000;
    /** The service's limit on the length of one entry (the DatasetEntry shape). */
    public static final int MAX_ENTRY_CHARS = 8192;

    private final ImageLocator locator;
    private final ImageDecoder images = ImageDecoder.service();

    /** @param locator resolves {@code s3://} and {@code file:} references (its base is replaced per manifest) */
    public EntryImporter(ImageLocator locator) {
        this.locator = locator;
    }

    /** The local file an {@code s3://bucket/key} manifest reference names. */
    public Path resolveS3(String bucket, String key) {
        return locator.resolve("s3://" + bucket + "/" + key);
    }

    /**
     * Reads a whole manifest file into entries created at {@code now}; relative references
     * resolve against {@code base}, or the manifest's folder when it is null.
     *
     * @param name how problems name the file (the S3 key, or the path)
     * @throws ImportException with every problem found
     */
    public List<StoredEntry> read(Path manifest, Path base, String name, Instant now) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (NoSuchFileException e) {
            throw new ImportException(new ManifestProblem(name, 0, "", "manifest file not found: " + manifest));
        }
        return check(parse(new ByteArrayInputStream(bytes), name),
                base != null ? base.toAbsolutePath().normalize() : manifest.toAbsolutePath().getParent(), now);
    }

    /**
     * Applies UpdateDatasetEntries' changes to {@code current}: each line adds an entry or
     * replaces the one with its {@code source-ref} in place, dropping annotations the new line
     * lacks.
     *
     * @param base folder for relative references in the changes, or null when none may appear
     * @throws ImportException with every problem found; {@code current} is never modified
     */
    public List<StoredEntry> merge(List<StoredEntry> current, byte[] changes, Path base, Instant now) {
        Manifest parsed = parse(new ByteArrayInputStream(changes), "changes");
        List<StoredEntry> added = check(parsed, base, now);
        List<ManifestProblem> problems = new ArrayList<>();
        Set<String> buckets = new LinkedHashSet<>();
        for (StoredEntry e : current) {
            bucketOf(e.sourceRef()).ifPresent(buckets::add);
        }
        for (StoredEntry e : added) {
            Optional<String> bucket = bucketOf(e.sourceRef());
            if (bucket.isPresent() && !buckets.isEmpty() && !buckets.contains(bucket.get())) {
                problems.add(new ManifestProblem("changes", e.entry().line(), "source-ref",
                        "image is in bucket '" + bucket.get() + "' but the dataset's images are in "
                                + (buckets.size() == 1 ? "bucket '" + buckets.iterator().next() + "'"
                                : "buckets " + buckets) + "; an update must use the same bucket"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems, false);
        }
        Map<String, StoredEntry> merged = new LinkedHashMap<>();
        for (StoredEntry e : current) {
            merged.put(e.sourceRef(), e);
        }
        for (StoredEntry e : added) {
            merged.put(e.sourceRef(), e);
        }
        List<StoredEntry> result = List.copyOf(merged.values());
        checkQuotas(result, "changes");
        checkClasses(result);
        return result;
    }

    private static Manifest parse(InputStream in, String name) {
        Manifest.Check check = Manifest.check(ManifestReader.open(in, name));
        List<ManifestProblem> problems = new ArrayList<>(check.problems());
        for (ManifestEntry e : check.manifest().entries()) {
            if (e.json().length() > MAX_ENTRY_CHARS) {
                problems.add(new ManifestProblem(name, e.line(), "", "line has " + e.json().length()
                        + " characters; a dataset entry has at most " + MAX_ENTRY_CHARS));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems, false);
        }
        return check.manifest();
    }

    private List<StoredEntry> check(Manifest manifest, Path base, Instant now) {
        checkQuotas(manifest.entries().size(), manifest.file());
        ImageLocator here = base == null ? locator : locator.withBase(base);
        List<ManifestProblem> problems = new ArrayList<>();
        List<StoredEntry> entries = new ArrayList<>(manifest.entries().size());
        for (ManifestEntry e : manifest.entries()) {
            boolean relative = checkImage(here, manifest.file(), e, e.sourceRef(), "source-ref", false, problems);
            if (e.mask().isPresent()) {
                relative |= checkImage(here, manifest.file(), e, e.mask().get().ref(),
                        e.mask().get().attribute(), true, problems);
            }
            entries.add(new StoredEntry(now, relative ? Optional.of(base.toString()) : Optional.empty(), e));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems, false);
        }
        return entries;
    }

    /** Checks one referenced image; returns whether the reference is relative to the base. */
    private boolean checkImage(ImageLocator here, String file, ManifestEntry e, String ref, String field,
                               boolean mask, List<ManifestProblem> problems) {
        Path path;
        try {
            path = here.resolve(ref);
        } catch (IllegalArgumentException ex) {
            problems.add(new ManifestProblem(file, e.line(), field, ex.getMessage()));
            return false;
        }
        try {
            ImageHeader header = images.header(path);
            if (mask && header.format() != ImageFormat.PNG) {
                problems.add(new ManifestProblem(file, e.line(), field, "mask " + ref + " is a "
                        + header.format() + "; masks must be PNG"));
            }
        } catch (NoSuchFileException ex) {
            problems.add(new ManifestProblem(file, e.line(), field, (mask ? "mask" : "image") + " not found: "
                    + ref + (ref.equals(path.toString()) ? "" : " (looked for " + path + ")")));
        } catch (IOException ex) {
            problems.add(new ManifestProblem(file, e.line(), field, "cannot read " + ref + ": " + ex.getMessage()));
        } catch (InvalidImageException ex) {
            problems.add(new ManifestProblem(file, e.line(), field, "invalid " + (mask ? "mask" : "image")
                    + " " + ref + ": " + ex.getMessage()));
        }
        return isRelative(ref);
    }

    private static boolean isRelative(String ref) {
        if (ref.contains("://") || ref.regionMatches(true, 0, "file:", 0, 5)) {
            return false;
        }
        return !Path.of(ref).isAbsolute();
    }

    private static Optional<String> bucketOf(String ref) {
        if (!ref.regionMatches(true, 0, "s3://", 0, 5)) {
            return Optional.empty();
        }
        return Optional.ofNullable(URI.create(ref.replace(" ", "%20")).getHost());
    }

    private static void checkQuotas(int images, String file) {
        if (images > MAX_IMAGES) {
            throw new ImportException(List.of(new ManifestProblem(file, 0, "", images
                    + " images; a dataset holds at most " + MAX_IMAGES)), true);
        }
    }

    private static void checkQuotas(List<StoredEntry> entries, String file) {
        checkQuotas(entries.size(), file);
    }

    /** Colours and the label count must agree across the merged entries, not only within the changes. */
    private static void checkClasses(List<StoredEntry> entries) {
        Map<String, AnomalyClass> classes = new LinkedHashMap<>();
        List<ManifestProblem> problems = new ArrayList<>();
        for (StoredEntry e : entries) {
            if (e.entry().mask().isEmpty()) {
                continue;
            }
            for (AnomalyClass c : e.entry().mask().get().anomalyClasses()) {
                AnomalyClass seen = classes.putIfAbsent(c.name(), c);
                if (seen != null && !seen.color().equals(c.color())) {
                    problems.add(new ManifestProblem("changes", e.entry().line(), "internal-color-map",
                            "class '" + c.name() + "' has colour " + c.color() + " but the dataset gives it "
                                    + seen.color()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems, false);
        }
        if (classes.size() > Manifest.MAX_LABELS_PER_PROJECT) {
            throw new ImportException(List.of(new ManifestProblem("changes", 0, "internal-color-map",
                    classes.size() + " anomaly labels; a project has at most " + Manifest.MAX_LABELS_PER_PROJECT)),
                    true);
        }
    }
}
