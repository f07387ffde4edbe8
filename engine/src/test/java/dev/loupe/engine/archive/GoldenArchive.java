package dev.loupe.engine.archive;

import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.model.Trainer;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the golden archive the tests load ({@code src/test/resources/golden}); run by hand when
 * the format changes on purpose, never by the build:
 * {@code java -cp ... dev.loupe.engine.archive.GoldenArchive engine/src/test/resources/golden}.
 */
public final class GoldenArchive {
    private GoldenArchive() {
    }

    /** The probe image: a flat grey square with a dark blot, the same on every machine. */
    static RgbImage probe() {
        byte[] rgb = new byte[64 * 64 * 3];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int v = (x - 40) * (x - 40) + (y - 24) * (y - 24) < 36 ? 30 : 150;
                rgb[(y * 64 + x) * 3] = (byte) v;
                rgb[(y * 64 + x) * 3 + 1] = (byte) v;
                rgb[(y * 64 + x) * 3 + 2] = (byte) (v + 10);
            }
        }
        return RgbImage.of(64, 64, rgb);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path dir = Files.createTempDirectory("golden");
        GeneratedDataset d = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.BOARD).seed(5).size(64, 64)
                .train(8, 6).test(0, 0).build(), dir);
        List<LabeledImage> images = dev.loupe.engine.model.DatasetLoader.load(Manifest.read(d.trainManifest()),
                ImageLocator.of(d.root()));
        ModelConfig c = new ModelConfig(3, new Architecture(32, new int[] {4, 8}, 1), 2, 4, 5e-3,
                Augmenter.standard(), 0.3, 64);
        TrainedModel m = new Trainer(c).train(images, List.of(), TrainingProgress.Listener.NONE)
                .withMetrics(Map.of("F1Score", 1.0));
        ModelArchive.save(m, out.resolve("classification-v1.loupe"));
        try (Detector det = Detector.open(m)) {
            Files.writeString(out.resolve("classification-v1.score"),
                    String.format(Locale.ROOT, "%.9f%n", det.detect(probe()).rawScore()));
        }
    }
}
