package dev.loupe.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskDecoderTest {
    static final AnomalyClass CRACK = new AnomalyClass("crack", new HexColor(0x23A436));
    static final AnomalyClass DENT = new AnomalyClass("dent", new HexColor(0x1F77B4));
    static final MaskDecoder DECODER = new MaskDecoder(List.of(CRACK, DENT));

    @Test
    void listedColoursMapToTheirClassEverythingElseToBackground() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0xFF23A436); // crack
        img.setRGB(1, 0, 0xFF1F77B4); // dent
        img.setRGB(2, 0, 0xFFFFFFFF); // white
        img.setRGB(3, 0, 0xFF000000); // black
        img.setRGB(4, 0, 0xFFFF0000); // unlisted red
        img.setRGB(5, 0, 0x0023A436); // transparent crack colour
        img.setRGB(6, 0, 0xFF2AAA3A); // near crack (JPEG-ish noise)
        img.setRGB(7, 0, 0xFF91D29B); // crack blended halfway to white
        ClassMask m = DECODER.decode(ImageDecoderTest.png(img), ImageLimits.SERVICE);
        assertEquals(List.of(1, 2, 0, 0, 0, 0, 1, 0),
                java.util.stream.IntStream.range(0, 8).map(x -> m.classAt(x, 0)).boxed().toList());
        long[] h = m.histogram(2);
        assertEquals(2, h[1]);
        assertEquals(1, h[2]);
        assertEquals(64 * 64 - 3, h[0]);
    }

    @Test
    void paletteMaskWithAntiAliasedAlphaLikeGroundTruthWrites() throws IOException {
        // The cookie masks' form: index 0 transparent black, the class colour with falling alpha.
        byte[] r = {0, 0x23, 0x23};
        byte[] g = {0, (byte) 0xA4, (byte) 0xA4};
        byte[] b = {0, 0x36, 0x36};
        byte[] a = {0, (byte) 0xFF, (byte) 0x40};
        BufferedImage pal = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b, a));
        pal.getRaster().setSample(10, 10, 0, 1);
        pal.getRaster().setSample(11, 10, 0, 2);
        ClassMask m = DECODER.decode(ImageDecoderTest.png(pal), ImageLimits.SERVICE);
        assertEquals(1, m.classAt(10, 10));
        assertEquals(0, m.classAt(11, 10), "a faint edge pixel (alpha 64) is background");
        assertEquals(0, m.classAt(0, 0));
    }

    @Test
    void aMaskMustBeAPng() throws IOException {
        byte[] jpeg = ImageDecoderTest.jpeg(ImageDecoderTest.card(BufferedImage.TYPE_3BYTE_BGR), false);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> DECODER.decode(jpeg, ImageLimits.SERVICE));
        assertEquals(InvalidImageException.Reason.UNSUPPORTED_FORMAT, e.reason());
    }

    @Test
    void realCookieMaskHasACrack() throws IOException {
        Path shared = Path.of(System.getProperty("loupe.shared", "../../shared"));
        Path mask = shared.resolve("datasets/cookie/dataset-files/mask-images/anomaly-1.png");
        assumeTrue(Files.isRegularFile(mask), "skipped: the shared datasets are not at " + shared.toAbsolutePath());
        ClassMask m = new MaskDecoder(List.of(new AnomalyClass("cracked", new HexColor(0x23A436))))
                .decode(Files.readAllBytes(mask), ImageLimits.SERVICE);
        long[] h = m.histogram(1);
        double fraction = h[1] / (double) (h[0] + h[1]);
        assertTrue(fraction > 0.001 && fraction < 0.2, "crack fraction " + fraction);
    }
}
