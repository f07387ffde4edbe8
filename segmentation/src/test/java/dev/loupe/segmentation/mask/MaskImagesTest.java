package dev.loupe.segmentation.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loupe.engine.image.ImageLimits;
import dev.loupe.engine.image.MaskDecoder;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MaskImagesTest {
    private static final List<HexColor> COLORS =
            List.of(HexColor.parse("#23A436"), HexColor.parse("#1f77b4"), HexColor.parse("#D62728"));

    /** Discs of each class on background, plus scattered single pixels. */
    static byte[] classMap(Random r, int w, int h) {
        byte[] m = new byte[w * h];
        for (int c = 1; c <= 3; c++) {
            int cx = r.nextInt(w);
            int cy = r.nextInt(h);
            int radius = 5 + r.nextInt(15);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) < radius * radius) {
                        m[y * w + x] = (byte) c;
                    }
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            m[r.nextInt(m.length)] = (byte) r.nextInt(4);
        }
        return m;
    }

    @Test
    void thePngIsRgbWhiteOnBackgroundAndDecodesToTheSameClasses() throws IOException {
        int w = 96;
        int h = 80;
        byte[] classes = classMap(new Random(4), w, h);
        byte[] png = MaskImages.toPng(classes, w, h, COLORS);

        // IHDR: bit depth 8, colour type 2 (truecolour, no alpha).
        assertEquals(8, png[24]);
        assertEquals(2, png[25]);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        assertFalse(image.getColorModel().hasAlpha());
        assertEquals(3, image.getRaster().getNumBands());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = classes[y * w + x];
                int expected = k == 0 ? 0xFFFFFF : COLORS.get(k - 1).rgb();
                assertEquals(expected, image.getRGB(x, y) & 0xFFFFFF, "(" + x + ", " + y + ")");
            }
        }

        List<AnomalyClass> anomalyClasses = List.of(new AnomalyClass("scratch", COLORS.get(0)),
                new AnomalyClass("dent", COLORS.get(1)), new AnomalyClass("stain", COLORS.get(2)));
        byte[] decoded = new MaskDecoder(anomalyClasses).decode(png, ImageLimits.SERVICE).toBytes();
        assertArrayEquals(classes, decoded);
    }

    @Test
    void anEmptyMaskIsAllWhite() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(MaskImages.toPng(new byte[64 * 64], 64, 64, List.of())));
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertEquals(0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void aClassWithoutAColourOrAWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MaskImages.toPng(new byte[] {0, 2}, 2, 1, COLORS.subList(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> MaskImages.toPng(new byte[3], 2, 1, COLORS));
    }

    @Test
    void areasAreTheShareOfEachClassAndSumToOne() {
        byte[] classes = classMap(new Random(9), 50, 40);
        double[] areas = MaskImages.areas(classes, 3);
        assertEquals(4, areas.length);
        long[] counts = new long[4];
        for (byte c : classes) {
            counts[c]++;
        }
        double sum = 0;
        for (int k = 0; k <= 3; k++) {
            assertEquals(counts[k] / 2000.0, areas[k]);
            sum += areas[k];
        }
        assertEquals(1.0, sum, 1e-12);
        assertArrayEquals(new double[] {1, 0}, MaskImages.areas(new byte[10], 1));
        assertThrows(IllegalArgumentException.class, () -> MaskImages.areas(classes, 2));
        assertThrows(IllegalArgumentException.class, () -> MaskImages.areas(new byte[0], 2));
    }

    @Test
    void resizingToTheSameSizeIsACopy() {
        byte[] classes = classMap(new Random(2), 30, 20);
        byte[] same = MaskImages.resizeNearest(classes, 30, 20, 30, 20);
        assertArrayEquals(classes, same);
        assertNotSame(classes, same);
    }

    @Test
    void enlargingMapsCornersToCornersAndRepeatsBlocks() {
        byte[] classes = {1, 2, 3, 4, 5, 6}; // 3 wide, 2 high
        byte[] big = MaskImages.resizeNearest(classes, 3, 2, 7, 5);
        assertEquals(35, big.length);
        assertEquals(1, big[0]);
        assertEquals(3, big[6]);
        assertEquals(4, big[4 * 7]);
        assertEquals(6, big[4 * 7 + 6]);

        byte[] tripled = MaskImages.resizeNearest(classes, 3, 2, 9, 6);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 9; x++) {
                assertEquals(classes[(y / 3) * 3 + x / 3], tripled[y * 9 + x], "(" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void shrinkingTakesThePixelUnderEachNewCentre() {
        byte[] classes = new byte[16];
        for (int i = 0; i < 16; i++) {
            classes[i] = (byte) i;
        }
        // New pixel centres fall at source (1, 1), (3, 1), (1, 3), (3, 3) of the 4x4 map.
        assertArrayEquals(new byte[] {5, 7, 13, 15}, MaskImages.resizeNearest(classes, 4, 4, 2, 2));
        // And a 4 to 3 shrink keeps both ends: centres at 4/6, 2, 20/6 -> columns 0, 2, 3.
        assertArrayEquals(new byte[] {0, 2, 3}, MaskImages.resizeNearest(new byte[] {0, 1, 2, 3}, 4, 1, 3, 1));
    }
}
