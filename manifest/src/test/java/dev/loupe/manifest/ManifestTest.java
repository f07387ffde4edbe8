package dev.loupe.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    static Manifest.Check check(String text) {
        return Manifest.check(ManifestReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m"));
    }

    static String normal(String ref) {
        return ManifestEntry.of(ref, Label.NORMAL).json();
    }

    @Test
    void bomAndBlankLinesAndCrLf() {
        String text = "\uFEFF" + normal("a.png") + "\r\n\r\n   \n" + normal("b.png") + "\n";
        Manifest m = check(text).orThrow();
        assertEquals(2, m.entries().size());
        assertEquals(1, m.entries().get(0).line());
        assertEquals(4, m.entries().get(1).line());
    }

    @Test
    void duplicateSourceRefWarnsAndTheLastLineWins() {
        String text = normal("a.png") + "\n" + normal("b.png") + "\n" + ManifestEntry.of("a.png", Label.ANOMALY).json() + "\n";
        Manifest m = check(text).orThrow();
        assertEquals(List.of("a.png", "b.png"), m.entries().stream().map(ManifestEntry::sourceRef).toList());
        assertEquals(Label.ANOMALY, m.entries().get(0).label());
        assertEquals(1, m.warnings().size());
        assertEquals(3, m.warnings().get(0).line());
        assertTrue(m.warnings().get(0).message().contains("duplicate of line 1"));
    }

    @Test
    void everyBadLineIsReportedNotJustTheFirst() {
        String text = normal("a.png") + "\n{bad\n" + normal("b.png") + "\n{\"source-ref\":\"c\"}\n";
        Manifest.Check c = check(text);
        assertFalse(c.valid());
        assertEquals(List.of(2L, 4L), c.problems().stream().map(ManifestProblem::line).toList());
        assertEquals(2, c.manifest().entries().size());
        ManifestException e = assertThrows(ManifestException.class, c::orThrow);
        assertTrue(e.getMessage().startsWith("m:2: malformed JSON"), e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] good = (normal("a.png") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Manifest.Check c = Manifest.check(ManifestReader.open(new ByteArrayInputStream(all), "m"));
        assertEquals(1, c.problems().size());
        assertEquals(2, c.problems().get(0).line());
        assertTrue(c.problems().get(0).message().contains("UTF-8"));
    }

    @Test
    void aClassKeepsOneColourAcrossTheManifest() {
        String a = ManifestEntry.of("a.png", Label.ANOMALY, MaskAnnotation.of("anomaly-mask-ref", "a-mask.png",
                List.of(new AnomalyClass("crack", new HexColor(0xFF0000))))).json();
        String b = ManifestEntry.of("b.png", Label.ANOMALY, MaskAnnotation.of("anomaly-mask-ref", "b-mask.png",
                List.of(new AnomalyClass("crack", new HexColor(0x00FF00))))).json();
        String c = ManifestEntry.of("c.png", Label.ANOMALY, MaskAnnotation.of("anomaly-mask-ref", "c-mask.png",
                List.of(new AnomalyClass("dent", new HexColor(0xFF0000))))).json();
        Manifest.Check check = check(a + "\n" + b + "\n" + c + "\n");
        assertEquals(2, check.problems().size(), check.problems().toString());
        assertTrue(check.problems().get(0).message().contains("#FF0000 on line 1"));
        assertTrue(check.problems().get(1).message().contains("is class \"crack\" on line 1"));
        assertEquals(List.of(new AnomalyClass("crack", new HexColor(0xFF0000))), check.manifest().classes());
    }

    @Test
    void atMostOneHundredClassesPerProject() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            text.append(ManifestEntry.of(i + ".png", Label.ANOMALY, MaskAnnotation.of("anomaly-mask-ref", i + "-m.png",
                    List.of(new AnomalyClass("c" + i, new HexColor(0x010101 * (i + 1)))))).json()).append('\n');
        }
        Manifest.Check check = check(text.toString());
        assertEquals(1, check.problems().size());
        assertEquals(101, check.problems().get(0).line());
        assertTrue(check.problems().get(0).message().contains("at most 100"));
    }

    /** Truncated, bit-flipped and random manifests end in problems, never in another exception. */
    @Test
    void damagedManifestsAlwaysEndInProblems() throws IOException {
        byte[] good;
        try (InputStream in = getClass().getResourceAsStream("/golden/mixed.manifest")) {
            good = in.readAllBytes();
        }
        java.util.Random random = new java.util.Random(11);
        int invalid = 0;
        for (int trial = 0; trial < 600; trial++) {
            byte[] bytes;
            if (trial < 200) {
                bytes = java.util.Arrays.copyOf(good, random.nextInt(good.length));
            } else if (trial < 400) {
                bytes = good.clone();
                for (int f = 0; f < 1 + random.nextInt(6); f++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            } else {
                bytes = new byte[random.nextInt(3000)];
                random.nextBytes(bytes);
            }
            Manifest.Check c = Manifest.check(ManifestReader.open(new ByteArrayInputStream(bytes), "fuzz"));
            if (!c.valid()) {
                invalid++;
                assertTrue(c.problems().stream().allMatch(p -> p.file().equals("fuzz") && !p.message().isEmpty()));
            }
        }
        assertTrue(invalid > 300, "only " + invalid + " of 600 damaged manifests were found invalid");
    }

    @Test
    void writerOutputReadsBackEqual(@TempDir Path dir) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        entries.add(ManifestEntry.of("s3://bucket/normal/1.png", Label.NORMAL));
        entries.add(ManifestEntry.of("s3://bucket/anomaly/2.png", Label.ANOMALY, MaskAnnotation.of("anomaly-mask-ref",
                "s3://bucket/masks/2.png", List.of(new AnomalyClass("scratch", new HexColor(0x2CA02C)),
                        new AnomalyClass("dent", new HexColor(0x1F77B4))))));
        entries.add(ManifestReader.parseLine("x", 1, ManifestLineParserTest.COOKIE_ANOMALY) instanceof ManifestEntry e ? e : null);
        Path file = dir.resolve("out.manifest");
        ManifestWriter.write(file, entries);
        Manifest back = Manifest.read(file);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).atLine(i + 1), back.entries().get(i));
        }
        assertTrue(back.isSegmentation());
        assertEquals(List.of("scratch", "dent", "cracked"), back.classes().stream().map(AnomalyClass::name).toList());
    }

    @Test
    void goldenManifestInAndOut(@TempDir Path dir) throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/mixed.manifest")) {
            golden = in.readAllBytes();
        }
        Manifest m = Manifest.read(new ByteArrayInputStream(golden), "mixed.manifest");
        assertEquals(4, m.entries().size());
        assertEquals(2, m.count(Label.NORMAL));
        assertEquals(1, m.count(Label.ANOMALY));
        assertEquals(1, m.count(Label.UNLABELED));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ManifestWriter w = ManifestWriter.open(out)) {
            for (ManifestEntry e : m.entries()) {
                w.write(e);
            }
        }
        // Lines are written back byte for byte as they were read (BOM and blank lines aside).
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/mixed.expected.manifest")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        Path f = dir.resolve("x");
        Files.writeString(f, expected);
        assertEquals(m.entries().size(), Manifest.read(f).entries().size());
    }
}
