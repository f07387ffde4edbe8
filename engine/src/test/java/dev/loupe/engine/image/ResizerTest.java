package dev.loupe.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResizerTest {
    @Test
    void aFlatImageStaysFlatAtAnySize() {
        byte[] rgb = new byte[100 * 70 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) 200;
            rgb[i + 1] = 100;
            rgb[i + 2] = 50;
        }
        RgbImage img = RgbImage.of(100, 70, rgb);
        for (int size : new int[] {16, 64, 160}) {
            float[] p = Resizer.toPlanar(img, size);
            for (int i = 0; i < size * size; i++) {
                assertEquals(200 / 255f, p[i], 1e-5);
                assertEquals(100 / 255f, p[size * size + i], 1e-5);
                assertEquals(50 / 255f, p[2 * size * size + i], 1e-5);
            }
        }
    }

    @Test
    void downscalingAveragesTheCoveredArea() {
        // 4x4 checkerboard of 0 and 255 to 2x2: every output pixel covers two of each.
        byte[] rgb = new byte[4 * 4 * 3];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                byte v = (byte) (((x + y) & 1) == 0 ? 255 : 0);
                rgb[(y * 4 + x) * 3] = v;
            }
        }
        float[] p = Resizer.toPlanar(RgbImage.of(4, 4, rgb), 2);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5f, p[i], 1e-6);
        }
        // A single bright pixel in 8x8 keeps its energy at 4x4: 1/4 of it in one output pixel.
        byte[] dot = new byte[8 * 8 * 3];
        dot[(3 * 8 + 5) * 3] = (byte) 255;
        float[] q = Resizer.toPlanar(RgbImage.of(8, 8, dot), 4);
        assertEquals(0.25f, q[1 * 4 + 2], 1e-6);
    }
}
