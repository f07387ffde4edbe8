package dev.loupe.api;

import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small valid images and manifest lines for the facade's dataset tests. */
final class TestImages {
    /** The folder, under the data folder, that {@link #write} fills. */
    static final String FOLDER = "img";

    private TestImages() {
    }

    /**
     * Writes {@code n} distinct 64x64 PNGs (the service's smallest size) as
     * {@code folder/img/i-000.png}, ... and returns their references relative to {@code folder}.
     */
    static List<String> write(Path folder, int n) throws IOException {
        Path dir = folder.resolve(FOLDER);
        Files.createDirectories(dir);
        List<String> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
            // A gradient shifted by i, and i itself in the first row: no two images are alike.
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    int v = (x * 3 + y * 2 + i * 7) & 0xff;
                    image.getRaster().setSample(x, y, 0, y == 0 && x < 16 ? ((i >> (x % 16)) & 1) * 255 : v);
                }
            }
            String ref = ref(i);
            ImageIO.write(image, "png", folder.resolve(ref).toFile());
            refs.add(ref);
        }
        return refs;
    }

    /** The relative reference of image {@code i} that {@link #write} wrote. */
    static String ref(int i) {
        return String.format("%s/i-%03d.png", FOLDER, i);
    }

    /** The manifest text of {@code refs}, each labelled at random (mostly normal, some anomalies, a few unlabeled). */
    static String manifest(List<String> refs, Random random) {
        StringBuilder text = new StringBuilder();
        for (String ref : refs) {
            text.append(line(ref, randomLabel(random))).append('\n');
        }
        return text.toString();
    }

    /** A Ground Truth classification line. */
    static String line(String ref, Label label) {
        return ManifestEntry.of(ref, label).json();
    }

    static Label randomLabel(Random random) {
        int x = random.nextInt(10);
        return x < 6 ? Label.NORMAL : x < 9 ? Label.ANOMALY : Label.UNLABELED;
    }

    /** A short digest of entry lines in order, for messages and journals. */
    static String digest(List<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
