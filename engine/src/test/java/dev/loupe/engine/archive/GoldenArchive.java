package dev.loupe.engine.archive;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.image.Resizer;
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
import java.util.Optional;

/**
 * Writes the golden archive of the current format the tests load ({@code src/test/resources/golden},
 * named by the format version; older versions' archives stay there); run by hand when the format
 * changes on purpose, never by the build:
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
                Augmenter.standard(), 0.3, 64, true, 0);
        TrainedModel trained = new Trainer(c).train(images, List.of(), TrainingProgress.Listener.NONE)
                .withMetrics(Map.of("F1Score", 1.0));
        // Two epochs on 14 images give no appearance term (the validation cannot weigh one), so it
        // is fitted here from the normal images, that the archive carry every part of the format.
        AppearanceFeatures looks = new AppearanceFeatures(c.architecture().inputSize());
        AppearanceModel gaussian = AppearanceModel.fit(images.stream().filter(i -> !i.anomalous())
                .map(i -> looks.describe(Resizer.toPlanar(i.image(), c.architecture().inputSize()))).toList());
        TrainedModel m = trained.fusion().isPresent() ? trained : new TrainedModel(trained.modelType(), trained.weights(),
                trained.normalization(), trained.mode(), trained.memory(),
                Optional.of(new ScoreFusion(gaussian, trained.calibration().threshold(), 1.0, 8.0, 0.25)),
                trained.calibration(), trained.provenance(), trained.metrics());
        String name = "classification-v" + ArchiveContainer.FORMAT_VERSION;
        ModelArchive.save(m, out.resolve(name + ".loupe"));
        System.out.println(name + (m.fusion().isPresent() ? " has an appearance term" : " has no appearance term"));
        try (Detector det = Detector.open(m)) {
            Files.writeString(out.resolve(name + ".score"),
                    String.format(Locale.ROOT, "%.9f%n", det.detect(probe()).rawScore()));
        }
    }
}
