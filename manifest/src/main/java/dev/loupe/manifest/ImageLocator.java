package dev.loupe.manifest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the image references of a manifest into local files: a relative path (against a base
 * folder), a {@code file:} URI, an absolute path, or {@code s3://bucket/key} through a bucket map
 * (bucket name to local folder) or an S3 root folder holding one folder per bucket. This is how
 * a real Lookout for Vision manifest is pointed at a local copy of its bucket.
 *
 * <p>A reference that resolves outside the configured folders ({@code ..}, a symbolic link
 * leading elsewhere, an absolute path elsewhere) is refused: a manifest must not be a way to
 * read arbitrary files.
 *
 * <pre>{@code
 * ImageLocator loc = ImageLocator.builder().base(manifestDir).bucket("my-bucket", Path.of("/data/my-bucket")).build();
 * Path image = loc.resolve("s3://my-bucket/train/1.png");
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class ImageLocator {
    private static final String S3 = "s3://";

    private final Path base;
    private final Map<String, Path> buckets;
    private final Path s3Root;

    private ImageLocator(Builder b) {
        this.base = b.base == null ? null : absolute(b.base);
        Map<String, Path> m = new LinkedHashMap<>();
        b.buckets.forEach((k, v) -> m.put(k, absolute(v)));
        this.buckets = Map.copyOf(m);
        this.s3Root = b.s3Root == null ? null : absolute(b.s3Root);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A locator that resolves relative references against {@code base} and nothing else. */
    public static ImageLocator of(Path base) {
        return builder().base(base).build();
    }

    /** The same locator with another base folder for relative references. */
    public ImageLocator withBase(Path newBase) {
        Builder b = builder().base(newBase).s3Root(s3Root);
        buckets.forEach(b::bucket);
        return b.build();
    }

    public Optional<Path> base() {
        return Optional.ofNullable(base);
    }

    public Map<String, Path> buckets() {
        return buckets;
    }

    public Optional<Path> s3Root() {
        return Optional.ofNullable(s3Root);
    }

    /**
     * The local file a reference names. The file need not exist (the caller reports a missing
     * image with its own context), but it must lie inside a configured folder.
     *
     * @throws IllegalArgumentException saying why the reference cannot be resolved
     */
    public Path resolve(String ref) {
        Objects.requireNonNull(ref, "ref");
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("empty image reference");
        }
        if (ref.regionMatches(true, 0, S3, 0, S3.length())) {
            return resolveS3(ref);
        }
        if (ref.regionMatches(true, 0, "file:", 0, 5)) {
            Path p;
            try {
                p = Path.of(new URI(ref));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a valid file: URI: " + ref + " (" + e.getMessage() + ")");
            }
            return inside(p, allRoots(), ref);
        }
        if (ref.contains("://")) {
            throw new IllegalArgumentException("unsupported reference scheme in " + ref
                    + "; expected s3://bucket/key, a file: URI or a path");
        }
        Path p;
        try {
            p = Path.of(ref);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + ref + " (" + e.getReason() + ")");
        }
        if (p.isAbsolute()) {
            return inside(p, allRoots(), ref);
        }
        if (base == null) {
            throw new IllegalArgumentException("relative reference " + ref + " but no base folder is configured");
        }
        return inside(base.resolve(p), List.of(base), ref);
    }

    private Path resolveS3(String ref) {
        String rest = ref.substring(S3.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("not an s3://bucket/key reference: " + ref);
        }
        String bucket = rest.substring(0, slash);
        String key = rest.substring(slash + 1);
        Path root = buckets.get(bucket);
        if (root == null && s3Root != null) {
            root = s3Root.resolve(bucket);
        }
        if (root == null) {
            throw new IllegalArgumentException("no local folder for bucket \"" + bucket + "\" of " + ref
                    + "; map it with a bucket mapping (--bucket " + bucket + "=DIR) or an S3 root folder (--s3-root DIR)");
        }
        Path p;
        try {
            p = root.resolve(key);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid object key in " + ref + " (" + e.getReason() + ")");
        }
        return inside(p, List.of(root), ref);
    }

    private List<Path> allRoots() {
        List<Path> roots = new ArrayList<>();
        if (base != null) {
            roots.add(base);
        }
        roots.addAll(buckets.values());
        if (s3Root != null) {
            roots.add(s3Root);
        }
        return roots;
    }

    /** The path if it stays inside one of the roots, lexically and after following links. */
    private static Path inside(Path candidate, List<Path> roots, String ref) {
        Path normal = candidate.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (normal.startsWith(root) && realInside(normal, root)) {
                return normal;
            }
        }
        throw new IllegalArgumentException("reference " + ref + " resolves to " + normal
                + ", outside the configured folders " + roots);
    }

    private static boolean realInside(Path p, Path root) {
        if (!Files.exists(p)) {
            return true; // nothing to follow; the caller reports the missing file
        }
        try {
            return p.toRealPath().startsWith(Files.exists(root) ? root.toRealPath() : root);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Builder; folders need not exist yet. */
    public static final class Builder {
        private Path base;
        private final Map<String, Path> buckets = new LinkedHashMap<>();
        private Path s3Root;

        private Builder() {
        }

        /** The folder relative references resolve against (usually the manifest's own). */
        public Builder base(Path folder) {
            this.base = folder;
            return this;
        }

        /** Maps {@code s3://name/...} to {@code folder/...}. */
        public Builder bucket(String name, Path folder) {
            if (name == null || name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("bad bucket name: \"" + name + "\"");
            }
            buckets.put(name, Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** A folder with one sub-folder per bucket, for buckets not mapped one by one. */
        public Builder s3Root(Path folder) {
            this.s3Root = folder;
            return this;
        }

        public ImageLocator build() {
            return new ImageLocator(this);
        }
    }
}
