package dev.loupe.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.Manifest;
import dev.loupe.manifest.ManifestEntry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetGeneratorTest {
    @TempDir
    Path dir;

    static GeneratorConfig small(PartKind kind, long seed) {
        return GeneratorConfig.builder(kind).seed(seed).size(96, 80).train(4, 8).test(2, 4).build();
    }

    @ParameterizedTest
    @EnumSource(PartKind.class)
    void writesImagesMasksAndFourValidManifests(PartKind kind) throws IOException {
        GeneratedDataset d = DatasetGenerator.generate(small(kind, 3), dir);
        Manifest train = Manifest.read(d.trainManifest());
        assertEquals(4, train.count(Label.NORMAL));
        assertEquals(8, train.count(Label.ANOMALY));
        assertFalse(train.isSegmentation());
        Manifest seg = Manifest.read(d.segmentationTrain());
        assertTrue(seg.isSegmentation());
        Manifest segTest = Manifest.read(d.segmentationTest());
        assertEquals(6, segTest.entries().size());
        // Every class of the kind occurs (classes are dealt in turn), each with its own colour.
        assertEquals(d.classes().stream().map(AnomalyClass::name).sorted().toList(),
                seg.classes().stream().map(AnomalyClass::name).sorted().toList());
        for (ManifestEntry e : seg.entries()) {
            BufferedImage img = ImageIO.read(d.root().resolve(e.sourceRef()).toFile());
            assertEquals(96, img.getWidth());
            assertEquals(80, img.getHeight());
            assertEquals(e.label() == Label.ANOMALY, e.hasMask());
            e.mask().ifPresent(m -> {
                try {
                    BufferedImage mask = ImageIO.read(d.root().resolve(m.ref()).toFile());
                    assertEquals(96, mask.getWidth());
                    // Each class the line lists has pixels of its colour in the mask.
                    for (AnomalyClass c : m.anomalyClasses()) {
                        assertTrue(countColour(mask, c.color().rgb()) >= 6, e.sourceRef() + " " + c);
                    }
                } catch (IOException ex) {
                    throw new AssertionError(ex);
                }
            });
        }
    }

    static int countColour(BufferedImage mask, int rgb) {
        int n = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int p = mask.getRGB(x, y);
                if ((p >>> 24) >= 128 && (p & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherImages() throws IOException {
        GeneratorConfig c = small(PartKind.BOARD, 11);
        DatasetGenerator.generate(c, dir.resolve("a"));
        DatasetGenerator.generate(c, dir.resolve("b"));
        DatasetGenerator.generate(small(PartKind.BOARD, 12), dir.resolve("c"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
            files = s.filter(Files::isRegularFile).map(dir.resolve("a")::relativize).sorted().toList();
        }
        assertEquals(4 + 12 + 6 + 8 + 4, files.size()); // manifests, images, masks
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f.toString());
        }
        Path img = Path.of("images/train/normal-0001.png");
        assertNotEquals(List.of(Files.readAllBytes(dir.resolve("a").resolve(img))).hashCode(),
                List.of(Files.readAllBytes(dir.resolve("c").resolve(img))).hashCode());
    }

    @Test
    void normalImagesVaryNaturally() {
        GeneratorConfig c = small(PartKind.WASHER, 5);
        Part part = Part.of(PartKind.WASHER, 1);
        BufferedImage a = DatasetGenerator.render(c, part, "train", 0, List.of()).image();
        BufferedImage b = DatasetGenerator.render(c, part, "train", 1, List.of()).image();
        double diff = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                diff += Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF));
            }
        }
        diff /= a.getWidth() * a.getHeight();
        assertTrue(diff > 2 && diff < 80, "mean difference between two normal captures: " + diff);
    }

    @Test
    void defectsChangeTheImageWhereTheMaskSays() {
        GeneratorConfig c = small(PartKind.FABRIC, 9);
        Part part = Part.of(PartKind.FABRIC, 1);
        Map<DefectClass, Double> contrast = new EnumMap<>(DefectClass.class);
        for (DefectClass d : PartKind.FABRIC.defects()) {
            DatasetGenerator.Sample s = DatasetGenerator.render(c, part, "train", 0, List.of(d));
            BufferedImage clean = DatasetGenerator.render(c, part, "train", 0, List.of()).image();
            assertEquals(List.of(d), s.defects());
            // Same variation stream? No: normal and anomalous images use different streams, so
            // compare the defect region to the rest of the same image instead.
            double inside = 0;
            double outside = 0;
            int nIn = 0;
            int nOut = 0;
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 96; x++) {
                    boolean marked = (s.mask().getRGB(x, y) >>> 24) >= 128;
                    int p = s.image().getRGB(x, y);
                    double lum = ((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF);
                    if (marked) {
                        inside += lum;
                        nIn++;
                    } else {
                        outside += lum;
                        nOut++;
                    }
                }
            }
            assertTrue(nIn >= 6 && clean.getWidth() == 96);
            contrast.put(d, Math.abs(inside / nIn - outside / nOut));
        }
        contrast.forEach((d, v) -> assertTrue(v > 15, d + " is barely visible: " + v));
    }
}
