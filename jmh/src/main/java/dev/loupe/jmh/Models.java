package dev.loupe.jmh;

import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.ScoringMode;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Shared set-up: a model of the standard architecture and cookie-sized JPEGs. */
final class Models {
    private Models() {
    }

    /**
     * A supervised model with the standard architecture and seeded weights: detection costs the
     * same whatever the weights' values, so no training run is needed to time it.
     */
    static TrainedModel standardModel() {
        return new TrainedModel(TrainedModel.CLASSIFICATION, NetworkWeights.initial(Architecture.standard(), 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f), ScoringMode.SUPERVISED, Optional.empty(),
                new Calibration(0, 1, Calibration.MAX_F1),
                new Provenance("benchmark", 0, 0, 0, 0, 1, "benchmark", Map.of(), 0), Map.of());
    }

    /** A generated dataset of 576x768 JPEG photos (the cookie photos' size). */
    static GeneratedDataset cookieSized(int normal, int anomalous) throws IOException {
        Path dir = Files.createTempDirectory("loupe-jmh");
        return DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(1).size(576, 768).jpeg(true)
                .train(normal, anomalous).test(0, 0).build(), dir);
    }
}
