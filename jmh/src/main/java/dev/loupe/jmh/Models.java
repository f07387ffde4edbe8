package dev.loupe.jmh;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.ScoringMode;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationWeights;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Shared set-up: models of the standard architectures and cookie-sized JPEGs. */
final class Models {
    private Models() {
    }

    /**
     * A supervised model with the standard architecture, seeded weights and an appearance term, as
     * training makes them: detection costs the same whatever the values, so no training run is
     * needed to time it.
     */
    static TrainedModel standardModel() {
        Architecture a = Architecture.standard();
        AppearanceFeatures looks = new AppearanceFeatures(a.inputSize());
        SplittableRandom random = new SplittableRandom(1);
        List<double[]> normal = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            float[] planar = new float[3 * a.inputSize() * a.inputSize()];
            for (int i = 0; i < planar.length; i++) {
                planar[i] = (float) random.nextDouble();
            }
            normal.add(looks.describe(planar));
        }
        ScoreFusion fusion = new ScoreFusion(AppearanceModel.fit(normal), 0, 1, 5, 0.1);
        return new TrainedModel(TrainedModel.CLASSIFICATION, NetworkWeights.initial(a, 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f), ScoringMode.SUPERVISED, Optional.empty(), Optional.of(fusion),
                new Calibration(0, 1, Calibration.MAX_F1),
                new Provenance("benchmark", 0, 0, 0, 0, 1, "benchmark", Map.of(), 0), Map.of());
    }

    /** A generated dataset of 576x768 JPEG photos (the cookie photos' size). */
    static GeneratedDataset cookieSized(int normal, int anomalous) throws IOException {
        Path dir = Files.createTempDirectory("loupe-jmh");
        return DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(1).size(576, 768).jpeg(true)
                .train(normal, anomalous).test(0, 0).build(), dir);
    }

    /** The bytes of one 576x768 JPEG photo. */
    static byte[] cookieSizedJpeg() throws IOException {
        return Files.readAllBytes(cookieSized(1, 0).root().resolve("images/train/normal-0001.jpg"));
    }

    /**
     * A segmentation model at the default input size with these levels, classes, pixel thresholds
     * and region classifier, and seeded weights (detection costs the same whatever their values).
     */
    static SegmentationModel segmentationModel(int[] channels, List<AnomalyClass> classes, double[] pixelThresholds,
                                               RegionClassifier regions) {
        SegmentationArchitecture a = new SegmentationArchitecture(SegmentationConfig.defaults().inputSize(), channels,
                classes.size());
        return new SegmentationModel(classes, SegmentationWeights.initial(a, 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f), new Calibration(0.5, 1, Calibration.MAX_F1),
                pixelThresholds, regions, new Provenance("benchmark", 0, 0, 0, 0, 1, "benchmark", Map.of(), 0), Map.of());
    }
}
