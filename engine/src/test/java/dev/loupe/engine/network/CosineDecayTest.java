package dev.loupe.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CosineDecayTest {
    @Test
    void fallsFromTheBaseRateToZeroAlongHalfACosine() {
        CosineDecay d = new CosineDecay(0.002, 100);
        assertEquals(0.002, d.valueAt(0, 0), 1e-15);
        assertEquals(0.001, d.valueAt(50, 0), 1e-15);
        assertEquals(0.002 * (1 + Math.cos(Math.PI / 4)) / 2, d.valueAt(25, 7), 1e-15, "the epoch plays no part");
        assertEquals(0, d.valueAt(100, 0), 1e-15);
        assertEquals(0, d.valueAt(1000, 0), 1e-15, "after the last step it stays at zero");
        for (int i = 1; i <= 100; i++) {
            assertTrue(d.valueAt(i, 0) <= d.valueAt(i - 1, 0), "never rises, step " + i);
        }
        assertSame(d, d.clone());
    }

    @Test
    void refusesRatesAndStepsThatMakeNoSchedule() {
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new CosineDecay(0.1, 0));
    }
}
