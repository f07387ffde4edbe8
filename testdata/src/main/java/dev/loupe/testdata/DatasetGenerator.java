package dev.loupe.testdata;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import dev.loupe.manifest.ManifestWriter;
import dev.loupe.manifest.MaskAnnotation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates a synthetic dataset: images, Ground Truth colour masks and four manifests.
 *
 * <pre>{@code
 * GeneratedDataset d = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(7).build(), dir);
 * Manifest train = Manifest.read(d.trainManifest());
 * }</pre>
 *
 * <p>Each image has its own random stream split from the seed by (split, index), so adding test
 * images does not change training images, and the same configuration writes the same bytes.
 */
public final class DatasetGenerator {
    private static final String TRAIN = "train";
    private static final String TEST = "test";
    private static final float JPEG_QUALITY = 0.92f;

    private DatasetGenerator() {
    }

    /** Writes the dataset under {@code root} (created when missing) and says where it is. */
    public static GeneratedDataset generate(GeneratorConfig config, Path root) throws IOException {
        Files.createDirectories(root);
        Part part = Part.of(config.kind(), mix(config.seed(), config.kind().ordinal(), -1, -1));
        List<ManifestEntry> train = new ArrayList<>();
        List<ManifestEntry> trainSeg = new ArrayList<>();
        List<ManifestEntry> test = new ArrayList<>();
        List<ManifestEntry> testSeg = new ArrayList<>();
        writeSplit(config, part, root, TRAIN, config.trainNormal(), config.trainAnomalous(), train, trainSeg);
        writeSplit(config, part, root, TEST, config.testNormal(), config.testAnomalous(), test, testSeg);
        GeneratedDataset d = new GeneratedDataset(root, config,
                config.kind().defects().stream().map(DefectClass::anomalyClass).toList(),
                root.resolve("train.manifest"), root.resolve("test.manifest"),
                root.resolve("seg-train.manifest"), root.resolve("seg-test.manifest"));
        ManifestWriter.write(d.trainManifest(), train);
        ManifestWriter.write(d.testManifest(), test);
        ManifestWriter.write(d.segmentationTrain(), trainSeg);
        ManifestWriter.write(d.segmentationTest(), testSeg);
        return d;
    }

    /** One rendered sample: the picture and its class mask. */
    record Sample(BufferedImage image, BufferedImage mask, List<DefectClass> defects) {
    }

    /**
     * Renders image {@code index} of {@code split}: normal when {@code defects} is empty.
     * Exposed to the package for tests that look at pixels without files.
     */
    static Sample render(GeneratorConfig config, Part part, String split, int index, List<DefectClass> defects) {
        SplittableRandom random = new SplittableRandom(mix(config.seed(), config.kind().ordinal(),
                split.equals(TRAIN) ? 0 : 1, index * 2L + (defects.isEmpty() ? 0 : 1)));
        int size = Math.min(config.width(), config.height());
        Variation v = Variation.draw(random, size, part.maxAngle());
        for (int attempt = 0; ; attempt++) {
            Canvas c = new Canvas(config.width(), config.height());
            int omit = defects.contains(DefectClass.MISSING) && part.components() > 0 ? random.nextInt(part.components()) : -1;
            part.render(c, v, omit);
            DefectPainter painter = new DefectPainter(part);
            for (DefectClass d : defects) {
                if (d != DefectClass.MISSING) {
                    painter.paint(c, v, d, random);
                }
            }
            List<DefectClass> present = present(c, defects);
            // A defect can fall mostly off the part; paint again rather than label what is not there.
            if (present.size() == defects.size() || attempt >= 20) {
                v.expose(c, random);
                return new Sample(c.toImage(), c.toMaskImage(), present);
            }
        }
    }

    private static List<DefectClass> present(Canvas c, List<DefectClass> defects) {
        int[] counts = new int[DefectClass.values().length + 1];
        for (byte m : c.mask) {
            counts[m]++;
        }
        List<DefectClass> out = new ArrayList<>();
        for (DefectClass d : DefectClass.values()) {
            if (defects.contains(d) && counts[d.ordinal() + 1] >= 6) {
                out.add(d);
            }
        }
        return out;
    }

    private static void writeSplit(GeneratorConfig config, Part part, Path root, String split, int normal,
                                   int anomalous, List<ManifestEntry> classification, List<ManifestEntry> segmentation)
            throws IOException {
        Path images = Files.createDirectories(root.resolve("images").resolve(split));
        Path masks = Files.createDirectories(root.resolve("masks").resolve(split));
        String ext = config.jpeg() ? "jpg" : "png";
        for (int i = 0; i < normal; i++) {
            String name = String.format(Locale.ROOT, "normal-%04d.%s", i + 1, ext);
            Sample s = render(config, part, split, i, List.of());
            writeImage(s.image(), images.resolve(name), config.jpeg());
            ManifestEntry e = ManifestEntry.of("images/" + split + "/" + name, Label.NORMAL);
            classification.add(e);
            segmentation.add(e);
        }
        List<DefectClass> kinds = config.kind().defects();
        SplittableRandom chooser = new SplittableRandom(mix(config.seed(), config.kind().ordinal(), split.equals(TRAIN) ? 2 : 3, 0));
        for (int i = 0; i < anomalous; i++) {
            // Classes in turn, so that every class is equally represented; sometimes a second one.
            List<DefectClass> defects = new ArrayList<>();
            defects.add(kinds.get(i % kinds.size()));
            if (chooser.nextDouble() < config.multiDefectRate()) {
                defects.add(kinds.get((i + 1 + chooser.nextInt(kinds.size() - 1)) % kinds.size()));
            }
            String name = String.format(Locale.ROOT, "anomaly-%04d.%s", i + 1, ext);
            String maskName = String.format(Locale.ROOT, "anomaly-%04d.png", i + 1);
            Sample s = render(config, part, split, i, defects);
            writeImage(s.image(), images.resolve(name), config.jpeg());
            writeImage(s.mask(), masks.resolve(maskName), false);
            String ref = "images/" + split + "/" + name;
            classification.add(ManifestEntry.of(ref, Label.ANOMALY));
            List<AnomalyClass> classes = s.defects().stream().map(DefectClass::anomalyClass).toList();
            segmentation.add(ManifestEntry.of(ref, Label.ANOMALY, MaskAnnotation.of(ManifestEntry.MASK_ATTRIBUTE,
                    "masks/" + split + "/" + maskName, classes)));
        }
    }

    private static void writeImage(BufferedImage image, Path file, boolean jpeg) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** SplitMix64 over the parts of a stream's name: independent, reproducible streams. */
    static long mix(long seed, long a, long b, long c) {
        long h = seed;
        for (long part : new long[] {a, b, c}) {
            h += 0x9E3779B97F4A7C15L + part;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
