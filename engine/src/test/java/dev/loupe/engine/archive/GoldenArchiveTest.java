package dev.loupe.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.TrainedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The archives saved by formats 1 and 2 keep loading, and keep giving the same score. */
class GoldenArchiveTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenArchiveTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    private static TrainedModel loadAndScore(int version) throws IOException {
        String name = "classification-v" + version;
        TrainedModel m = ModelArchive.fromBytes(resource(name + ".loupe"), "golden");
        assertEquals(TrainedModel.CLASSIFICATION, m.modelType());
        assertEquals(32, m.inputSize());
        assertEquals(1.0, m.metrics().get("F1Score"));
        assertEquals(3, m.provenance().seed());
        double expected = Double.parseDouble(new String(resource(name + ".score"), StandardCharsets.US_ASCII).trim());
        try (Detector d = Detector.open(m)) {
            assertEquals(expected, d.detect(GoldenArchive.probe()).rawScore(), 1e-4);
        }
        return m;
    }

    @Test
    void theFormat1ArchiveLoadsAndScoresAsWhenItWasSaved() throws IOException {
        assertTrue(loadAndScore(1).fusion().isEmpty(), "format 1 had no appearance term");
    }

    @Test
    void theFormat2ArchiveLoadsWithItsAppearanceTermAndScoresAsWhenItWasSaved() throws IOException {
        assertTrue(loadAndScore(2).fusion().isPresent());
    }

    @Test
    void aNewerFormatIsRefusedByName() throws IOException {
        byte[] golden = resource("classification-v1.loupe");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(golden)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("checksums.json")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("\"formatVersion\" : 1",
                            "\"formatVersion\" : " + (ArchiveContainer.FORMAT_VERSION + 1))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        InvalidArchiveException e = assertThrows(InvalidArchiveException.class, () -> ModelArchive.fromBytes(out.toByteArray(), "future"));
        assertTrue(e.getMessage().contains("archive format " + (ArchiveContainer.FORMAT_VERSION + 1) + " is newer"), e.getMessage());
        InvalidArchiveException junk = assertThrows(InvalidArchiveException.class,
                () -> ModelArchive.fromBytes("not a zip".getBytes(StandardCharsets.US_ASCII), "junk"));
        assertTrue(junk.getMessage().startsWith("junk: not a Loupe model archive"), junk.getMessage());
    }
}
