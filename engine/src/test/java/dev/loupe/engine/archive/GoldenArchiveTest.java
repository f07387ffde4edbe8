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

/** An archive saved by format 1 keeps loading, and keeps giving the same score. */
class GoldenArchiveTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenArchiveTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theGoldenArchiveLoadsAndScoresAsWhenItWasSaved() throws IOException {
        TrainedModel m = ModelArchive.fromBytes(resource("classification-v1.loupe"), "golden");
        assertEquals(TrainedModel.CLASSIFICATION, m.modelType());
        assertEquals(32, m.inputSize());
        assertEquals(1.0, m.metrics().get("F1Score"));
        assertEquals(3, m.provenance().seed());
        double expected = Double.parseDouble(new String(resource("classification-v1.score"), StandardCharsets.US_ASCII).trim());
        try (Detector d = Detector.open(m)) {
            assertEquals(expected, d.detect(GoldenArchive.probe()).rawScore(), 1e-4);
        }
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
                    content = new String(content, StandardCharsets.UTF_8).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        InvalidArchiveException e = assertThrows(InvalidArchiveException.class, () -> ModelArchive.fromBytes(out.toByteArray(), "future"));
        assertTrue(e.getMessage().contains("archive format 2 is newer"), e.getMessage());
        InvalidArchiveException junk = assertThrows(InvalidArchiveException.class,
                () -> ModelArchive.fromBytes("not a zip".getBytes(StandardCharsets.US_ASCII), "junk"));
        assertTrue(junk.getMessage().startsWith("junk: not a Loupe model archive"), junk.getMessage());
    }
}
