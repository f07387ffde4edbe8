package dev.loupe.engine.model;

import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small synthetic datasets and a small, fast model configuration for engine tests. */
final class Synthetic {
    private Synthetic() {
    }

    /** A configuration that trains in seconds on two cores. */
    static ModelConfig tinyConfig(long seed) {
        return new ModelConfig(seed, new Architecture(64, new int[] {8, 16, 16}, 1), 30, 8, 2e-3,
                Augmenter.standard(), 0.25, 256, true, 0);
    }

    /** Train and test images of a generated dataset. */
    record Data(List<LabeledImage> train, List<LabeledImage> test, GeneratedDataset dataset) {
    }

    static Data generate(Path dir, PartKind kind, int trainNormal, int trainAnomalous, long seed) throws IOException {
        GeneratedDataset d = DatasetGenerator.generate(GeneratorConfig.builder(kind).seed(seed).size(96, 96)
                .train(trainNormal, trainAnomalous).test(10, 10).multiDefectRate(0).build(), dir);
        return new Data(load(d.trainManifest()), load(d.testManifest()), d);
    }

    static List<LabeledImage> load(Path manifest) throws IOException {
        return DatasetLoader.load(Manifest.read(manifest), ImageLocator.of(manifest.getParent()));
    }
}
