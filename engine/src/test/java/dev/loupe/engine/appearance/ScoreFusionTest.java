package dev.loupe.engine.appearance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoreFusionTest {
    private static final AppearanceModel LOOKS = AppearanceModel.fit(List.of(new double[] {0, 0}, new double[] {1, 1}));

    @Test
    void weightsAreTheDiagonalDiscriminant() {
        // Network: normal mean 0, anomalous mean 4, pooled variance (2 + 2) / 2 = 2: weight 2.
        // Appearance: normal mean 10, anomalous mean 11, pooled variance (0.5 + 0.5) / 2 = 0.5: weight 2.
        ScoreFusion f = ScoreFusion.fit(LOOKS, new double[] {-1, 1}, new double[] {3, 5},
                new double[] {9.5, 10.5}, new double[] {10.5, 11.5}).orElseThrow();
        assertEquals(0, f.networkCentre(), 1e-12);
        assertEquals(2, f.networkWeight(), 1e-12);
        assertEquals(10, f.appearanceCentre(), 1e-12);
        assertEquals(2, f.appearanceWeight(), 1e-12);
        double[] probe = {2, 0};
        assertEquals(2 * (3 - 0) + 2 * (LOOKS.distance(probe) - 10), f.fuse(3, f.appearanceTerm(probe)), 1e-12);
    }

    @Test
    void aNoisyTermWeighsLessThanACleanOne() {
        ScoreFusion f = ScoreFusion.fit(LOOKS, new double[] {0, 0.2, -0.2}, new double[] {2, 2.2, 1.8},
                new double[] {0, 3, -3}, new double[] {2, 5, -1}).orElseThrow();
        assertTrue(f.networkWeight() > 10 * f.appearanceWeight(), f.toString());
    }

    @Test
    void theAppearanceMayRestOnMoreImagesThanTheNetwork() {
        ScoreFusion f = ScoreFusion.fit(LOOKS, new double[] {-1, 1}, new double[] {3, 5},
                new double[] {9, 10, 11, 10}, new double[] {12, 13, 14}).orElseThrow();
        assertEquals(10, f.appearanceCentre(), 1e-12);
        // Means 10 and 13; squares 2 + 2 over 7 - 2 degrees of freedom.
        assertEquals(3 / 0.8, f.appearanceWeight(), 1e-12);
    }

    @Test
    void validationThatCannotSupportItKeepsTheNetworkAlone() {
        double[] normal = {0, 1};
        double[] anomalous = {3, 4};
        assertEquals(Optional.empty(), ScoreFusion.fit(LOOKS, normal, anomalous, new double[] {5, 6}, new double[] {1, 2}),
                "appearance lower on the anomalies");
        assertEquals(Optional.empty(), ScoreFusion.fit(LOOKS, normal, new double[0], normal, new double[0]), "no anomalies");
        assertEquals(Optional.empty(), ScoreFusion.fit(LOOKS, new double[] {0}, new double[] {1}, new double[] {0}, new double[] {1}),
                "two images give no variance");
        assertEquals(Optional.empty(), ScoreFusion.fit(LOOKS, new double[] {1, 1}, new double[] {1}, new double[] {1, 1}, new double[] {1}),
                "no spread");
        assertThrows(IllegalArgumentException.class, () -> new ScoreFusion(LOOKS, 0, -1, 0, 1));
    }
}
