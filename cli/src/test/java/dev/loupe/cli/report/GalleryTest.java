package dev.loupe.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GalleryTest {
    @Test
    void worstMistakesFirstThenLeastConfidentCorrect() {
        List<ReportImage> images = List.of(
                image("a", false, false, 0.10),
                image("b", false, true, 0.60),
                image("c", true, false, 0.05),
                image("d", true, true, 0.55),
                image("e", true, true, 0.95),
                image("f", false, true, 0.90),
                image("g", true, true, Double.NaN));
        assertEquals(List.of("c", "f", "b", "d", "a", "e", "g"), names(Gallery.order(images, 0.5)));
    }

    @Test
    void theThresholdIsTheReportsNotAFixedHalf() {
        List<ReportImage> images = List.of(image("near", false, false, 0.25), image("far", false, false, 0.9));
        assertEquals(List.of("far", "near"), names(Gallery.order(images, 0.95)));
        assertEquals(List.of("near", "far"), names(Gallery.order(images, 0.2)));
    }

    @Test
    void tiesKeepTheirOrder() {
        List<ReportImage> images = List.of(image("x", false, false, 0.25), image("y", true, true, 0.75),
                image("z", false, false, 0.25));
        assertEquals(List.of("x", "y", "z"), names(Gallery.order(images, 0.5)));
    }

    static ReportImage image(String name, boolean anomalous, boolean called, double score) {
        return new ReportImage(name, anomalous, called, score, null, List.of());
    }

    private static List<String> names(List<ReportImage> images) {
        return images.stream().map(ReportImage::name).toList();
    }
}
