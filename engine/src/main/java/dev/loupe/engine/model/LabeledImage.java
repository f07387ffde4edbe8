package dev.loupe.engine.model;

import dev.loupe.engine.image.RgbImage;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A decoded image with its manifest entry (label, reference, original JSON).
 *
 * @param entry       the manifest line it came from
 * @param image       the decoded pixels, orientation applied
 * @param contentHash SHA-256 of the encoded bytes, hex, for the dataset hash in provenance
 * @param source      the file it was read from
 */
public record LabeledImage(ManifestEntry entry, RgbImage image, String contentHash, Path source) {
    public LabeledImage {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(source, "source");
    }

    public Label label() {
        return entry.label();
    }

    public boolean anomalous() {
        return entry.label() == Label.ANOMALY;
    }
}
