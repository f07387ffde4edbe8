package dev.loupe.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    static final ImageDecoder DECODER = ImageDecoder.service();
    static final int W = 80;
    static final int H = 64;

    /** A colourful test card: left half red-ish, right half blue-ish, a gradient down. */
    static BufferedImage card(int type) {
        BufferedImage img = new BufferedImage(W, H, type);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int v = y * 255 / (H - 1);
                img.setRGB(x, y, x < W / 2 ? (0xFF000000 | 200 << 16 | v << 8 | 30) : (0xFF000000 | 20 << 16 | v << 8 | 220));
            }
        }
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", out));
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage img, boolean progressive) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.95f);
        if (progressive) {
            p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        }
        w.dispose();
        return out.toByteArray();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        }
    }

    static void assertNear(int expected, int actual, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance,
                    String.format("expected #%06X, got #%06X (tolerance %d)", expected, actual, tolerance));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB})
    void pngRgbAndRgba(int type) throws IOException {
        RgbImage img = DECODER.decode(png(card(type)));
        assertEquals(W, img.width());
        assertEquals(H, img.height());
        assertEquals(200 << 16 | 0 << 8 | 30, img.rgb(0, 0));
        assertEquals(20 << 16 | 255 << 8 | 220, img.rgb(W - 1, H - 1));
    }

    @Test
    void pngGreyEightAndSixteenBitsKeepTheirValues() throws IOException {
        BufferedImage g8 = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage g16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < W; x++) {
            for (int y = 0; y < H; y++) {
                g8.getRaster().setSample(x, y, 0, x * 3);
                g16.getRaster().setSample(x, y, 0, x * 3 * 257);
            }
        }
        for (byte[] bytes : new byte[][] {png(g8), png(g16)}) {
            RgbImage img = DECODER.decode(bytes);
            // No gamma shift: grey 60 stays 60 in every channel.
            assertEquals(60 << 16 | 60 << 8 | 60, img.rgb(20, 5));
            assertEquals(0, img.rgb(0, 0));
        }
    }

    @Test
    void pngOneBitAndPaletteWithTransparency() throws IOException {
        BufferedImage bits = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY);
        bits.setRGB(3, 4, 0xFFFFFFFF);
        RgbImage b = DECODER.decode(png(bits));
        assertEquals(0xFFFFFF, b.rgb(3, 4));
        assertEquals(0x000000, b.rgb(4, 4));

        byte[] r = {0, (byte) 0x23, (byte) 0xFF};
        byte[] g = {0, (byte) 0xA4, 0};
        byte[] bl = {0, (byte) 0x36, 0};
        byte[] a = {0, (byte) 0x80, (byte) 0xFF};
        IndexColorModel cm = new IndexColorModel(8, 3, r, g, bl, a);
        BufferedImage pal = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, cm);
        WritableRaster raster = pal.getRaster();
        raster.setSample(1, 1, 0, 1);
        raster.setSample(2, 1, 0, 2);
        RgbImage p = DECODER.decode(png(pal));
        assertEquals(0x23A436, p.rgb(1, 1)); // alpha dropped, colour kept
        assertEquals(0xFF0000, p.rgb(2, 1));
        assertEquals(0x000000, p.rgb(0, 0));
    }

    @Test
    void jpegBaselineProgressiveAndGrey() throws IOException {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] bytes = jpeg(card(BufferedImage.TYPE_3BYTE_BGR), progressive);
            ImageHeader h = DECODER.header(bytes);
            assertEquals(ImageFormat.JPEG, h.format());
            RgbImage img = DECODER.decode(bytes);
            assertNear(200 << 16 | 128 << 8 | 30, img.rgb(10, 32), 12);
            assertNear(20 << 16 | 128 << 8 | 220, img.rgb(70, 32), 12);
        }
        BufferedImage grey = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < W; x++) {
            for (int y = 0; y < H; y++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        assertNear(100 << 16 | 100 << 8 | 100, DECODER.decode(jpeg(grey, false)).rgb(40, 30), 2);
    }

    /**
     * Fixtures made with ImageMagick from one 80x64 card (red left half, blue right half):
     * {@code convert card.png -colorspace CMYK cmyk.jpg} (an Adobe YCCK file), and exiftool to set
     * Orientation.
     */
    @Test
    void cmykJpegComesOutInRgb() throws IOException {
        RgbImage img = DECODER.decode(resource("cmyk.jpg"));
        assertEquals(80, img.width());
        assertNear(0xC81E1E, img.rgb(10, 32), 40);
        assertNear(0x1E1EC8, img.rgb(70, 32), 40);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exifOrientationIsApplied(int orientation) throws IOException {
        // orient-N.jpg stores the card so that, displayed under orientation N, it is upright:
        // red top-left quadrant, everything else dark.
        byte[] bytes = resource("orient-" + orientation + ".jpg");
        assertEquals(orientation, DECODER.header(bytes).orientation());
        RgbImage img = DECODER.decode(bytes);
        assertEquals(80, img.width());
        assertEquals(64, img.height());
        assertNear(0xDC1E1E, img.rgb(8, 8), 40);
        assertNear(0x101010, img.rgb(72, 56), 40);
        assertNear(0x101010, img.rgb(72, 8), 40);
        assertNear(0x101010, img.rgb(8, 56), 40);
    }

    @Test
    void orientationOfStoredPixelsMatchesTheExifTable() {
        // 2x3 stored image with distinct pixels: check orientation 6 (rotate 90 clockwise).
        byte[] rgb = new byte[2 * 3 * 3];
        for (int i = 0; i < 6; i++) {
            rgb[i * 3] = (byte) (i + 1);
        }
        RgbImage stored = RgbImage.of(2, 3, rgb);
        RgbImage r = stored.oriented(6);
        assertEquals(3, r.width());
        assertEquals(2, r.height());
        // Stored rows: [1 2] [3 4] [5 6]; rotated clockwise: [5 3 1] [6 4 2].
        assertEquals(5 << 16, r.rgb(0, 0));
        assertEquals(1 << 16, r.rgb(2, 0));
        assertEquals(2 << 16, r.rgb(2, 1));
        assertEquals(stored.rgb(1, 2), stored.oriented(3).rgb(0, 0));
        assertEquals(stored.rgb(1, 0), stored.oriented(2).rgb(0, 0));
    }

    @Test
    void limitsAreCheckedFromTheHeader() throws IOException {
        BufferedImage small = new BufferedImage(63, 100, BufferedImage.TYPE_INT_RGB);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> DECODER.decode(png(small)));
        assertEquals(InvalidImageException.Reason.BAD_DIMENSIONS, e.reason());
        assertTrue(e.getMessage().contains("63x100"), e.getMessage());

        byte[] tooBig = new byte[8 * 1024 * 1024 + 1];
        assertEquals(InvalidImageException.Reason.TOO_MANY_BYTES,
                assertThrows(InvalidImageException.class, () -> DECODER.decode(tooBig)).reason());
    }

    @Test
    void aDecompressionBombIsRefusedWithoutDecoding() {
        // A valid PNG signature and IHDR announcing 60000x60000 RGB, followed by nothing.
        byte[] bomb = pngHeader(60000, 60000);
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> DECODER.decode(bomb));
        assertEquals(InvalidImageException.Reason.BAD_DIMENSIONS, e.reason());
        assertTrue(e.getMessage().contains("60000x60000"));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 100L << 20, "the refusal allocated " + (after - before) + " bytes");
    }

    static byte[] pngHeader(int w, int h) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] ihdr = new byte[4 + 4 + 13 + 4];
        ihdr[3] = 13;
        ihdr[4] = 'I';
        ihdr[5] = 'H';
        ihdr[6] = 'D';
        ihdr[7] = 'R';
        ihdr[8] = (byte) (w >>> 24);
        ihdr[9] = (byte) (w >>> 16);
        ihdr[10] = (byte) (w >>> 8);
        ihdr[11] = (byte) w;
        ihdr[12] = (byte) (h >>> 24);
        ihdr[13] = (byte) (h >>> 16);
        ihdr[14] = (byte) (h >>> 8);
        ihdr[15] = (byte) h;
        ihdr[16] = 8; // bit depth
        ihdr[17] = 2; // RGB
        CRC32 crc = new CRC32();
        crc.update(ihdr, 4, 17);
        long c = crc.getValue();
        ihdr[21] = (byte) (c >>> 24);
        ihdr[22] = (byte) (c >>> 16);
        ihdr[23] = (byte) (c >>> 8);
        ihdr[24] = (byte) c;
        byte[] out = Arrays.copyOf(sig, sig.length + ihdr.length);
        System.arraycopy(ihdr, 0, out, sig.length, ihdr.length);
        return out;
    }

    @Test
    void wrongFormatsAreNamed() {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> DECODER.decode("GIF89a........".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().contains("474946383961"), e.getMessage());
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT,
                assertThrows(InvalidImageException.class, () -> DECODER.decode(new byte[0])).reason());
    }

    /** Truncations, flipped bytes and garbage always end in InvalidImageException, never anything else. */
    @Test
    void damagedBytesAlwaysEndInTheDocumentedException() throws IOException {
        Random random = new Random(42);
        byte[][] originals = {png(card(BufferedImage.TYPE_INT_RGB)), jpeg(card(BufferedImage.TYPE_3BYTE_BGR), false),
                jpeg(card(BufferedImage.TYPE_3BYTE_BGR), true)};
        int refused = 0;
        for (byte[] original : originals) {
            for (int cut = 0; cut < original.length; cut += Math.max(1, original.length / 60)) {
                refused += decodeOrRefuse(Arrays.copyOf(original, cut));
            }
            for (int i = 0; i < 150; i++) {
                byte[] flipped = original.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                refused += decodeOrRefuse(flipped);
            }
            for (int i = 0; i < 50; i++) {
                byte[] garbage = new byte[random.nextInt(4000)];
                random.nextBytes(garbage);
                // keep the signature so the decoders get past the sniffing
                System.arraycopy(original, 0, garbage, 0, Math.min(garbage.length, 8));
                refused += decodeOrRefuse(garbage);
            }
        }
        assertTrue(refused > 300, "only " + refused + " damaged inputs were refused");
    }

    /** 1 when refused with InvalidImageException; 0 when it decoded (some flips are harmless). */
    private static int decodeOrRefuse(byte[] bytes) {
        try {
            RgbImage img = DECODER.decode(bytes);
            assertTrue(img.width() >= 64 && img.height() >= 64);
            return 0;
        } catch (InvalidImageException expected) {
            return 1;
        }
    }
}
