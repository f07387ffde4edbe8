package dev.loupe.api;

import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small real images and manifests for the facade's tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** Writes a 64x64 PNG whose pixels depend on {@code seed}, so every image differs. */
    static void png(Path file, int seed) throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (seed * 7919 + x * 31 + y * 17) & 0xFFFFFF);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    /**
     * Writes {@code labels.length} images {@code images/<prefix><i>.png} under {@code dir} and
     * returns their manifest lines (relative refs), one per label.
     */
    static List<String> lines(Path dir, String prefix, Label... labels) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            String ref = "images/" + prefix + i + ".png";
            png(dir.resolve(ref), prefix.hashCode() + i);
            lines.add(ManifestEntry.of(ref, labels[i]).json());
        }
        return lines;
    }

    static Path manifest(Path dir, String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
