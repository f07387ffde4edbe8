package dev.loupe.engine.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CutPasteTest {
    private static final int SIZE = 64;
    private static final int PLANE = SIZE * SIZE;

    /** Every pixel of every channel holds its own index, so a pasted value says where it came from. */
    private static float[] indexed() {
        float[] image = new float[3 * PLANE];
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        return image;
    }

    @Test
    void pastesOneRectangleOfTheSameImageAndLeavesTheRestAlone() {
        CutPaste cutPaste = CutPaste.standard();
        int margin = 16;
        int mirrored = 0;
        for (long seed = 0; seed < 200; seed++) {
            float[] image = indexed();
            cutPaste.apply(image, SIZE, margin, new SplittableRandom(seed));
            int minX = SIZE;
            int minY = SIZE;
            int maxX = -1;
            int maxY = -1;
            for (int p = 0; p < PLANE; p++) {
                if (image[p] != p) {
                    minX = Math.min(minX, p % SIZE);
                    maxX = Math.max(maxX, p % SIZE);
                    minY = Math.min(minY, p / SIZE);
                    maxY = Math.max(maxY, p / SIZE);
                }
            }
            if (maxX < 0) {
                continue; // pasted onto itself, unmirrored: nothing changed
            }
            // The changed pixels come from one source rectangle, moved as a whole (one row offset,
            // one column map that is a shift or a mirror), the same for all three channels.
            int dy = -1;
            Integer shift = null;
            Integer mirrorSum = null;
            for (int y = minY; y <= maxY; y++) {
                for (int x = minX; x <= maxX; x++) {
                    int p = y * SIZE + x;
                    int source = (int) image[p];
                    int sy = source / SIZE;
                    int sx = source % SIZE;
                    dy = dy < 0 ? y - sy + SIZE : dy;
                    assertEquals(dy, y - sy + SIZE, "seed " + seed + ": rows move together");
                    for (int ch = 1; ch < 3; ch++) {
                        assertEquals(ch * PLANE + source, (int) image[ch * PLANE + p], "seed " + seed + ": channels move together");
                    }
                    if (x == minX) {
                        shift = shift == null ? sx - x : shift;
                        mirrorSum = mirrorSum == null ? sx + x : mirrorSum;
                    }
                    assertTrue(sx - x == shift || sx + x == mirrorSum, "seed " + seed + ": columns shift or mirror");
                }
            }
            int w = maxX - minX + 1;
            int h = maxY - minY + 1;
            if (w > 1 && (int) image[minY * SIZE + minX] % SIZE > (int) image[minY * SIZE + maxX] % SIZE) {
                mirrored++;
            }
            assertTrue(w <= Math.round(0.125 * SIZE) && h <= Math.round(0.125 * SIZE), "seed " + seed + ": " + w + "x" + h);
            // The centre lands where the score looks: at least the margin from every edge.
            double cx = (minX + maxX) / 2.0;
            double cy = (minY + maxY) / 2.0;
            assertTrue(cx >= margin - 1 && cx <= SIZE - margin && cy >= margin - 1 && cy <= SIZE - margin,
                    "seed " + seed + ": centre " + cx + ", " + cy);
        }
        assertTrue(mirrored > 50 && mirrored < 150, "about half the patches mirrored, got " + mirrored);
    }

    @Test
    void theSameStreamGivesTheSameDefect() {
        float[] a = indexed();
        float[] b = indexed();
        CutPaste.standard().apply(a, SIZE, 8, new SplittableRandom(42));
        CutPaste.standard().apply(b, SIZE, 8, new SplittableRandom(42));
        assertArrayEquals(a, b);
    }

    @Test
    void refusesSidesOutsideTheImage() {
        assertThrows(IllegalArgumentException.class, () -> new CutPaste(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CutPaste(0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new CutPaste(0.1, 1));
    }
}
