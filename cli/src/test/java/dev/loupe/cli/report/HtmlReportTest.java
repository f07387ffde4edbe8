package dev.loupe.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void writesIndexHtmlCreatingTheFolder() throws IOException {
        Path file = HtmlReport.write(Samples.realistic(), dir.resolve("a/b"));
        assertEquals(dir.resolve("a/b/index.html"), file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Cookie crack detection — evaluation"), "UTF-8 text survives");
    }

    @Test
    void isSelfContained() {
        String html = HtmlReport.render(Samples.realistic());
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html);
        assertFalse(external.find(), () -> "external reference: " + external.group());
        assertFalse(html.contains("http://") || html.contains("https://"), "no URL anywhere");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no scripts");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<link"), "no linked style sheets");
        assertTrue(html.contains("Content-Security-Policy"));
        List<String> images = tags(html, "img");
        assertEquals(12, images.size());
        for (String img : images) {
            assertTrue(img.matches("(?s)<img alt=\"[^\"]*\" src=\"data:image/png;base64,[A-Za-z0-9+/=]+\">"), img);
        }
    }

    @Test
    void escapesEveryText() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("<F1> & \"more\"", "0.5 <b>");
        Map<String, String> provenance = Map.of("by", "</td><script>alert('x')</script>");
        Report r = new Report("A <title> & \"quotes\"", "segmentation<i>", figures, 0.5,
                List.of(new ReportImage("odd <name> & \"quoted\".png", true, true, 0.9, null, List.of("<crack>"))),
                List.of(new ClassRow("<cls>", "red\"><script>", 0.1, 0.2, 0.3, 0.4, "<dent> (5 %)")), provenance);
        String html = HtmlReport.render(r);
        assertTrue(html.contains("<title>A &lt;title&gt; &amp; &quot;quotes&quot;</title>"));
        assertTrue(html.contains("odd &lt;name&gt; &amp; &quot;quoted&quot;.png"));
        assertTrue(html.contains("&lt;F1&gt; &amp; &quot;more&quot;"));
        assertTrue(html.contains("0.5 &lt;b&gt;"));
        assertTrue(html.contains("segmentation&lt;i&gt;"));
        assertTrue(html.contains("&lt;crack&gt;"));
        assertTrue(html.contains("&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("(red&quot;&gt;&lt;script&gt;)"), "a colour that is not one is shown as text");
        assertTrue(html.contains("&lt;dent&gt; (5 %)"));
        assertFalse(html.contains("<name>") || html.contains("<crack>") || html.contains("<cls>") || html.contains("<dent>")
                || html.toLowerCase(Locale.ROOT).contains("<script"));
    }

    @Test
    void showsTheConfusionCounts() {
        String html = HtmlReport.render(Samples.realistic());
        assertTrue(html.contains("data-cell=\"tp\" class=\"right\">5<small>TP</small>"), html);
        assertTrue(html.contains("data-cell=\"fp\" class=\"wrong\">1<small>FP</small>"));
        assertTrue(html.contains("data-cell=\"tn\" class=\"right\">5<small>TN</small>"));
        assertTrue(html.contains("data-cell=\"fn\" class=\"wrong\">1<small>FN</small>"));
        assertTrue(html.contains("Accuracy 0.8333"));
    }

    @Test
    void drawsTheChartsWithTheirAreas() {
        String html = HtmlReport.render(Samples.realistic());
        assertTrue(html.contains("<svg id=\"roc\""));
        assertTrue(html.contains("<svg id=\"pr\""));
        assertTrue(html.contains("<svg id=\"histogram\""));
        // 33 of the 36 anomalous-normal pairs are ordered right: 0.38 is below 0.44 and 0.63, 0.57 below 0.63.
        assertTrue(html.contains("AUROC 0.9167"), html);
        assertTrue(html.contains("threshold 0.50"));
        assertTrue(html.contains("Image AUROC</th><td class=\"num\">0.9167"));
        assertTrue(html.contains("Pixel AUROC</th><td class=\"num na\">n/a"), "a NaN figure reads n/a");
    }

    @Test
    void galleryShowsTheWorstMistakeFirst() {
        String html = HtmlReport.render(Samples.realistic());
        int falseNegative = html.indexOf("cracked_002.png");
        int falsePositive = html.indexOf("normal_030 &lt;crumbs");
        int leastSure = html.indexOf("normal_029.png");
        int surest = html.indexOf("cracked_026.png");
        assertTrue(falseNegative > 0 && falsePositive > 0 && leastSure > 0 && surest > 0);
        // The false positive (0.13 over) is further wrong than the false negative (0.12 under).
        assertTrue(falsePositive < falseNegative && falseNegative < leastSure && leastSure < surest);
        assertTrue(html.contains(">false positive<") && html.contains(">false negative<"));
    }

    @Test
    void perClassTableWithSwatchesOnlyWhenThereAreClasses() {
        String html = HtmlReport.render(Samples.realistic());
        assertTrue(html.contains("<span class=\"swatch\" style=\"background:#23A436\""));
        assertTrue(html.contains("0.7876"));
        assertTrue(html.contains("<th>Most often missed as</th>"));
        assertTrue(html.contains("<td>chipped (12 %)</td>"), "what the cracks were taken for");
        assertTrue(html.contains("<td class=\"na\">-</td>"), "a row without the confusion says so");
        Report r = Samples.realistic();
        Report classification = new Report(r.title(), "classification", r.figures(), r.threshold(), r.images(),
                List.of(), r.provenance());
        assertFalse(HtmlReport.render(classification).contains("id=\"classes\""));
    }

    @Test
    void saysSoWhenThereAreNoImages() {
        String html = HtmlReport.render(new Report("Empty", "classification", Map.of(), 0.5, List.of(), List.of(),
                Map.of()));
        assertTrue(html.contains("No test images"));
        assertFalse(html.contains("<svg"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("data-cell=\"tp\" class=\"right\">0"));
    }

    @Test
    void rocIsANoteWhenOnlyOneClassIsPresent() {
        List<ReportImage> normal = List.of(GalleryTest.image("a", false, false, 0.2),
                GalleryTest.image("b", false, true, 0.7));
        String html = HtmlReport.render(new Report("Normal only", "classification", Map.of(), 0.5, normal,
                List.of(), Map.of()));
        assertTrue(html.contains("ROC curve undefined: the test images are all normal"));
        assertTrue(html.contains("Precision-recall curve undefined"));
        assertFalse(html.contains("<svg id=\"roc\""));
        assertTrue(html.contains("<svg id=\"histogram\""), "the distribution still means something");

        List<ReportImage> anomalous = List.of(GalleryTest.image("a", true, false, 0.2),
                GalleryTest.image("b", true, true, 0.7));
        String html2 = HtmlReport.render(new Report("Anomalous only", "classification", Map.of(), 0.5, anomalous,
                List.of(), Map.of()));
        assertTrue(html2.contains("ROC curve undefined: the test images are all anomalous"));
        assertTrue(html2.contains("<svg id=\"pr\""));
    }

    @Test
    void imagesWithoutAScoreStayInTheGalleryButNotTheCharts() {
        List<ReportImage> images = new ArrayList<>(List.of(GalleryTest.image("a", false, false, 0.2),
                GalleryTest.image("b", true, true, 0.7), GalleryTest.image("nan", true, true, Double.NaN)));
        String html = HtmlReport.render(new Report("t", "classification", Map.of(), 0.5, images, List.of(), Map.of()));
        assertTrue(html.contains("1 image has no finite score"));
        assertTrue(html.contains("AUROC 1.0000"));
        assertTrue(html.contains("<dt>score</dt><dd>n/a</dd>"));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String html = HtmlReport.render(Samples.realistic());
            assertTrue(html.contains("threshold 0.50"));
            assertFalse(html.contains("0,50"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void picturesAreEmbeddedAsGivenAndOnlyWhenBrowsersShowThem() {
        byte[] png = Samples.png(Samples.cookie(new Random(1), 0.5));
        assertEquals("image/png", HtmlReport.mime(png));
        assertEquals("image/jpeg", HtmlReport.mime(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}));
        assertNull(HtmlReport.mime("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        String html = HtmlReport.render(new Report("t", "classification", Map.of(), 0.5,
                List.of(new ReportImage("x", false, false, 0.1, new byte[] {1, 2, 3}, null)), List.of(), Map.of()));
        assertTrue(html.contains("picture not PNG or JPEG"));
        assertFalse(html.contains("<img"));
    }

    @Test
    void recordsCopyWhatTheyAreGiven() {
        byte[] picture = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};
        List<String> found = new ArrayList<>(List.of("cracked"));
        ReportImage image = new ReportImage("x", true, true, 0.9, picture, found);
        picture[4] = 99;
        found.add("chipped");
        assertEquals(1, image.overlay()[4]);
        image.overlay()[4] = 77;
        assertEquals(1, image.overlay()[4]);
        assertEquals(List.of("cracked"), image.classesFound());
        assertEquals(new ReportImage("x", true, true, 0.9, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4},
                List.of("cracked")), image);

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("z", "1");
        figures.put("a", null);
        figures.put("m", "3");
        Report r = new Report("t", "classification", figures, 0.5, null, null, null);
        figures.put("late", "4");
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(r.figures().keySet()));
        assertTrue(r.images().isEmpty() && r.classes().isEmpty() && r.provenance().isEmpty());
        assertArrayEquals(new String[] {"z", "a", "m"}, r.figures().keySet().toArray());
    }

    private static List<String> tags(String html, String name) {
        List<String> tags = new ArrayList<>();
        Matcher m = Pattern.compile("(?is)<" + name + "\\b[^>]*>").matcher(html);
        while (m.find()) {
            tags.add(m.group());
        }
        return tags;
    }
}
