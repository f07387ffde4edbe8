package dev.loupe.engine.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Resizing a network keeps the share of the image its score margin leaves out. */
class ArchitectureTest {
    @Test
    void anotherInputSizeScalesTheMarginWithTheMap() {
        Architecture a = Architecture.standard(); // 128 px, 16x16 cells, margin 2
        assertEquals(2, a.withInputSize(128).scoreMargin());
        assertEquals(4, a.withInputSize(256).scoreMargin());
        assertEquals(1, a.withInputSize(64).scoreMargin());
    }

    @Test
    void anotherBlockHalvesTheMapAndTheMargin() {
        Architecture a = Architecture.standard();
        Architecture deeper = a.withChannels(new int[] {16, 32, 48, 64, 64});
        assertEquals(8, deeper.mapSize());
        assertEquals(1, deeper.scoreMargin());
        Architecture shallower = a.withChannels(new int[] {16, 32, 48});
        assertEquals(32, shallower.mapSize());
        assertEquals(4, shallower.scoreMargin());
        assertEquals(128, shallower.inputSize());
    }

    @Test
    void resizingStillChecksTheRecordsLimits() {
        // Seven blocks are more than the record allows; 100 px is not a multiple of the stride 8.
        assertThrows(IllegalArgumentException.class,
                () -> Architecture.standard().withChannels(new int[] {8, 8, 8, 8, 8, 8, 8}));
        assertThrows(IllegalArgumentException.class, () -> Architecture.standard().withInputSize(100));
    }
}
