package dev.loupe.engine.model;

import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestException;
import dev.loupe.manifest.ManifestProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads the images of a manifest (in parallel, in line order). Every image that cannot be found
 * or decoded is reported, with its file, line and field, in one {@link ManifestException}: a
 * training run never starts on half a dataset.
 */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    public static List<LabeledImage> load(Manifest manifest, ImageLocator locator) {
        ImageDecoder decoder = ImageDecoder.service();
        List<Object> results = manifest.entries().parallelStream()
                .map(e -> (Object) loadOne(manifest.file(), e, locator, decoder))
                .toList();
        List<ManifestProblem> problems = new ArrayList<>();
        List<LabeledImage> images = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof ManifestProblem p) {
                problems.add(p);
            } else {
                images.add((LabeledImage) r);
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
        return images;
    }

    private static Object loadOne(String file, ManifestEntry e, ImageLocator locator, ImageDecoder decoder) {
        try {
            Path path = locator.resolve(e.sourceRef());
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString());
            }
            byte[] bytes = Files.readAllBytes(path);
            RgbImage image = decoder.decode(bytes);
            return new LabeledImage(e, image, sha256(bytes), path);
        } catch (NoSuchFileException ex) {
            return new ManifestProblem(file, e.line(), "source-ref", "image not found: " + ex.getFile());
        } catch (IOException | IllegalArgumentException ex) {
            return new ManifestProblem(file, e.line(), "source-ref", "unreadable image " + e.sourceRef() + ": " + ex.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 missing from this JVM", ex);
        }
    }
}
