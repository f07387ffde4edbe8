package dev.loupe.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.appearance.AppearanceModel;
import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.image.Resizer;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.model.ScoringMode;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.network.NetworkWeights;
import dev.loupe.engine.preprocess.Normalization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A model with an appearance term: it survives its archive, and its detector applies the fusion as written. */
class FusionArchiveTest {
    private static final int SIZE = 32;

    private static RgbImage image(int seed) {
        byte[] rgb = new byte[48 * 40 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) ((i * 31 + seed * 77) % 251 / (1 + seed % 3));
        }
        return RgbImage.of(48, 40, rgb);
    }

    static TrainedModel model(Optional<ScoreFusion> fusion) {
        return new TrainedModel(TrainedModel.CLASSIFICATION, NetworkWeights.initial(new Architecture(SIZE, new int[] {8, 16}, 1), 1),
                new Normalization(0.5f, 0.5f, 0.5f, 0.2f, 0.2f, 0.2f), ScoringMode.SUPERVISED, Optional.empty(), fusion,
                new Calibration(0.3, 1.5, Calibration.MAX_F1), new Provenance("t", 3, 2, 1, 1, 1, "t", Map.of(), 0), Map.of());
    }

    static ScoreFusion fusion() {
        AppearanceFeatures f = new AppearanceFeatures(SIZE);
        List<double[]> normal = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            normal.add(f.describe(Resizer.toPlanar(image(s), SIZE)));
        }
        return new ScoreFusion(AppearanceModel.fit(normal), 0.25, 1.5, 3.0, 0.4);
    }

    @Test
    void theFusionSurvivesTheArchiveAndScoresAlike() throws IOException {
        TrainedModel m = model(Optional.of(fusion()));
        TrainedModel back = ModelArchive.fromBytes(ModelArchive.toBytes(m), "fused");
        assertEquals(m.fusion(), back.fusion());
        assertEquals(m.calibration(), back.calibration());
        try (Detector a = Detector.open(m); Detector b = Detector.open(back)) {
            for (int s = 10; s < 13; s++) {
                assertEquals(a.detect(image(s)).rawScore(), b.detect(image(s)).rawScore(), 0);
            }
        }
        assertEquals(Optional.empty(), ModelArchive.fromBytes(ModelArchive.toBytes(model(Optional.empty())), "plain").fusion());
    }

    @Test
    void theDetectorAddsTheAppearanceTermToTheNetworksScoreAndToEveryCell() {
        ScoreFusion f = fusion();
        RgbImage probe = image(11);
        double distance = f.appearance().distance(new AppearanceFeatures(SIZE).describe(Resizer.toPlanar(probe, SIZE)));
        assertTrue(distance > 0);
        try (Detector fused = Detector.open(model(Optional.of(f))); Detector plain = Detector.open(model(Optional.empty()))) {
            Detection withLooks = fused.detect(probe);
            Detection network = plain.detect(probe);
            double expected = 1.5 * (network.rawScore() - 0.25) + 0.4 * (distance - 3.0);
            assertEquals(expected, withLooks.rawScore(), 1e-9);
            Calibration c = fused.model().calibration();
            assertEquals(c.isAnomalous(expected), withLooks.isAnomalous());
            // Each heat-map cell moves by the same formula, through the same calibration.
            int grid = network.heatMap().gridSize();
            for (int row = 0; row < grid; row++) {
                for (int column = 0; column < grid; column++) {
                    double p = network.heatMap().cell(column, row);
                    double cell = c.threshold() + c.scale() * Math.log(p / (1 - p));
                    assertEquals(c.normalise(1.5 * (cell - 0.25) + 0.4 * (distance - 3.0)),
                            withLooks.heatMap().cell(column, row), 1e-4);
                }
            }
        }
    }
}
