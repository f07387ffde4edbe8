package dev.loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            String[] lines = out.strip().split("\n");
            assertEquals(1, lines.length, "exactly one JSON object on stdout: " + out);
            return Json.MAPPER.readTree(lines[0]);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Loupe.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Path shared() {
        Path s = Path.of(System.getProperty("loupe.shared", "../../shared")).resolve("datasets");
        assumeTrue(Files.isDirectory(s), "skipped: the shared datasets are not at " + s.toAbsolutePath());
        return s;
    }

    @Test
    void validatesTheRealCookieSegmentationManifest() throws IOException {
        Path d = shared().resolve("cookie/dataset-files");
        Result r = run("manifest", "validate", d.resolve("manifests/template.manifest").toString(), "--base", d.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        assertEquals(63, j.get("entries").asInt());
        assertEquals(31, j.get("normal").asInt());
        assertEquals(32, j.get("anomaly").asInt());
        assertTrue(j.get("segmentation").asBoolean());
        assertEquals("cracked", j.get("classes").get(0).get("name").asText());
        assertEquals("#23A436", j.get("classes").get(0).get("color").asText());
        assertEquals(0, j.get("problems").size());
    }

    @Test
    void aliensNeedTheirBucketMapped() throws IOException {
        Path d = shared();
        String manifest = d.resolve("aliens/train.manifest").toString();
        Result unmapped = run("manifest", "validate", manifest, "--json");
        assertEquals(1, unmapped.code());
        JsonNode j = unmapped.json();
        assertEquals(59, j.get("entries").asInt(), "counts are of the lines read even when images are missing");
        assertEquals(59, j.get("problems").size());
        assertEquals("source-ref", j.get("problems").get(0).get("field").asText());
        assertEquals(1, j.get("problems").get(0).get("line").asInt());

        Result mapped = run("manifest", "validate", manifest, "--bucket", "lookout-samples=" + d);
        assertEquals(0, mapped.code(), mapped.out());
        assertTrue(mapped.out().contains("59 entries (29 normal, 30 anomaly, 0 unlabeled), classification manifest"), mapped.out());
    }

    @Test
    void problemsComeAsFileLineFieldMessage() throws IOException {
        Path m = dir.resolve("bad.manifest");
        Files.writeString(m, "{\"source-ref\":\"a.png\",\"anomaly-label\":1,\"anomaly-label-metadata\":{\"class-name\":\"normal\","
                + "\"human-annotated\":\"yes\",\"type\":\"groundtruth/image-classification\"}}\n{oops\n");
        Result r = run("manifest", "validate", m.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(m + ":1: source-ref: not found: "), r.out());
        assertTrue(r.out().contains(m + ":2: malformed JSON"), r.out());
        Result lines = run("manifest", "validate", m.toString(), "--no-images", "--json");
        assertEquals(1, lines.json().get("problems").size());
    }

    @Test
    void generatedDataValidatesAndImageInfoReadsIt() throws IOException {
        Result g = run("testdata", "generate", dir.toString(), "--kind", "washer", "--seed", "4", "--train", "3,4",
                "--test", "2,2", "--size", "96x72", "--jpeg");
        assertEquals(0, g.code(), g.err());
        for (String name : new String[] {"train.manifest", "seg-train.manifest", "test.manifest", "seg-test.manifest"}) {
            Result v = run("manifest", "validate", dir.resolve(name).toString(), "--json");
            assertEquals(0, v.code(), v.out());
        }
        JsonNode seg = run("manifest", "validate", dir.resolve("seg-train.manifest").toString(), "--json").json();
        assertTrue(seg.get("segmentation").asBoolean());
        assertEquals(4, seg.get("classes").size());

        Result info = run("image", "info", dir.resolve("images/train/normal-0001.jpg").toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode j = info.json();
        assertEquals("JPEG", j.get("format").asText());
        assertEquals(96, j.get("width").asInt());
        assertEquals(72, j.get("height").asInt());
        assertEquals(1, j.get("orientation").asInt());
    }

    @Test
    void badImagesAndUsageErrorsHaveTheirExitCodes() throws IOException {
        Path truncated = dir.resolve("t.png");
        Result g = run("testdata", "generate", dir.resolve("d").toString(), "--kind", "board", "--train", "1,0", "--test", "0,0");
        assertEquals(0, g.code());
        byte[] png = Files.readAllBytes(dir.resolve("d/images/train/normal-0001.png"));
        Files.write(truncated, java.util.Arrays.copyOf(png, png.length / 2));
        Result r = run("image", "info", truncated.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("corrupt or truncated PNG"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace without --debug");

        assertEquals(2, run("image", "info").code());
        assertEquals(2, run("testdata", "generate", dir.toString(), "--size", "big").code());
        assertEquals(1, run("manifest", "validate", dir.resolve("missing.manifest").toString()).code());
    }
}
