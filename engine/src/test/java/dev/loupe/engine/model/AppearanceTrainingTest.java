package dev.loupe.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.appearance.ScoreFusion;
import dev.loupe.engine.evaluation.Evaluation;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Parts with a piece missing, as on the aliens: a green disc on a noisy grey tray, the anomalous
 * ones a quarter short. The appearance (less green) separates them, so training fuses it, and the
 * fused model still finds them.
 */
class AppearanceTrainingTest {
    private static LabeledImage part(int index, boolean missingPiece, SplittableRandom random) {
        int size = 64;
        byte[] rgb = new byte[size * size * 3];
        double cx = 32 + random.nextInt(-4, 5);
        double cy = 32 + random.nextInt(-4, 5);
        double radius = 18 + random.nextDouble() * 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = (y * size + x) * 3;
                boolean inside = Math.hypot(x - cx, y - cy) < radius && !(missingPiece && x > cx && y > cy);
                int noise = random.nextInt(-12, 13);
                rgb[p] = (byte) (inside ? 60 + noise : 150 + noise);
                rgb[p + 1] = (byte) (inside ? 190 + noise : 150 + noise);
                rgb[p + 2] = (byte) (inside ? 50 + noise : 155 + noise);
            }
        }
        String ref = (missingPiece ? "anomaly-" : "normal-") + index + ".png";
        return new LabeledImage(ManifestEntry.of(ref, missingPiece ? Label.ANOMALY : Label.NORMAL),
                RgbImage.of(size, size, rgb), "hash-" + ref, Path.of(ref));
    }

    private static List<LabeledImage> parts(int normal, int anomalous, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabeledImage> out = new ArrayList<>();
        for (int i = 0; i < normal + anomalous; i++) {
            out.add(part(i, i >= normal, random));
        }
        return out;
    }

    @Test
    void aMissingPieceGetsAnAppearanceTermAndIsFound() {
        TrainedModel m = new Trainer(Synthetic.tinyConfig(1).withEpochs(10))
                .train(parts(24, 16, 1), List.of(), TrainingProgress.Listener.NONE);
        ScoreFusion f = m.fusion().orElseThrow(() -> new AssertionError("no appearance term"));
        System.out.println("missing pieces: " + f);
        assertTrue(f.networkWeight() > 0 && f.appearanceWeight() > 0);
        try (Detector d = Detector.open(m)) {
            Evaluation e = Evaluation.of(d, parts(10, 10, 2));
            System.out.printf("missing pieces, fused: AUROC %.3f F1 %.3f%n", e.rocAuc(), e.f1());
            assertTrue(e.rocAuc() >= 0.9, "AUROC " + e.rocAuc());
            // The calibration is on the fused scale: the verdict is the threshold on the fused score.
            for (var r : e.results()) {
                assertEquals(r.detection().rawScore() >= m.calibration().threshold(), r.detection().isAnomalous());
            }
        }
    }
}
