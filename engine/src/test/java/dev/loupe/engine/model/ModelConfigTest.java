package dev.loupe.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelConfigTest {
    @Test
    void syntheticDefectsAreOptInAndTheirRateIsAChance() {
        // Off by default: they cost two of the five sets measured (docs/benchmarks.md).
        assertEquals(0, ModelConfig.defaults().syntheticRate());
        assertEquals(0.25, ModelConfig.defaults().withSyntheticRate(0.25).syntheticRate());
        for (double bad : new double[] {-0.1, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelConfig.defaults().withSyntheticRate(bad));
            assertTrue(e.getMessage().contains("synthetic defect rate"), e.getMessage());
        }
    }
}
