package dev.loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void masksMakeItEvaluateASegmentationModelWithPixelFigures() throws IOException {
        assertEquals(0, CliTest.run("testdata", "generate", dir.toString(), "--kind", "board", "--seed", "4",
                "--train", "8,8", "--test", "4,4", "--size", "64x64").code());
        CliTest.Result r = CliTest.run("evaluate", "--train", dir.resolve("seg-train.manifest").toString(), "--test",
                dir.resolve("seg-test.manifest").toString(), "--epochs", "1", "--input-size", "32", "--channels", "4,8",
                "--json", "--report", dir.resolve("report").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("segmentation", j.get("modelType").asText());
        assertTrue(r.err().contains("warning: anomaly label scratch is alone on 2 training and 1 test images; "
                + "each dataset needs 10 (running anyway)"), r.err());
        assertTrue(j.has("pixelAuroc"), j.toString());
        assertEquals(4, j.get("classes").size(), j.toString());
        for (JsonNode c : j.get("classes")) {
            for (String field : new String[] {"className", "precision", "recall", "f1", "aiou"}) {
                assertTrue(c.has(field), "missing " + field + " in " + c);
            }
        }
        // Background first, then the classes in the order of "classes"; every test pixel counted once
        // (the normal test images as all background).
        JsonNode confusion = j.get("pixelConfusion");
        assertEquals("background", confusion.get("classes").get(0).asText(), confusion.toString());
        for (int c = 0; c < 4; c++) {
            assertEquals(j.get("classes").get(c).get("className").asText(), confusion.get("classes").get(c + 1).asText());
        }
        long counted = 0;
        assertEquals(5, confusion.get("counts").size());
        for (JsonNode row : confusion.get("counts")) {
            assertEquals(5, row.size(), row.toString());
            for (JsonNode n : row) {
                counted += n.asLong();
            }
        }
        assertEquals(8 * 64 * 64, counted);
        try (Stream<Path> masks = Files.list(dir.resolve("report").resolve("masks"))) {
            assertEquals(8, masks.count());
        }
        try (Stream<Path> overlays = Files.list(dir.resolve("report").resolve("overlays"))) {
            assertEquals(8, overlays.count(), "each test image with its predicted mask painted over it");
        }
    }

    @Test
    void evaluatePrintsOneJsonObjectAndWritesTheServicesFiles() throws IOException {
        assertEquals(0, CliTest.run("testdata", "generate", dir.toString(), "--kind", "fabric", "--seed", "3",
                "--train", "10,6", "--test", "4,4", "--size", "64x64").code());
        CliTest.Result r = CliTest.run("evaluate", "--train", dir.resolve("train.manifest").toString(), "--test",
                dir.resolve("test.manifest").toString(), "--epochs", "2", "--input-size", "32", "--json",
                "--report", dir.resolve("report").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        for (String field : new String[] {"modelType", "trainImages", "testImages", "imageAuroc", "averagePrecision", "f1",
                "precision", "recall", "threshold", "trainSeconds", "msPerImage"}) {
            assertTrue(j.has(field), "missing " + field + " in " + j);
        }
        assertEquals("classification", j.get("modelType").asText());
        assertEquals(16, j.get("trainImages").asInt());
        assertEquals(8, j.get("testImages").asInt());
        assertTrue(r.err().contains("epoch 2/2"), "progress on stderr: " + r.err());
        assertTrue(r.err().contains("warning: there are 4 labeled normal images in the test dataset"), r.err());
        Path report = dir.resolve("report");
        assertEquals(8, Files.readAllLines(report.resolve("EvaluationManifest-evaluate-1.json")).size());
        String result = Files.readString(report.resolve("EvaluationResult-evaluate-1.json"));
        assertTrue(result.contains("\"F1Score\"") && result.contains("\"ROCAUC\""), result);
        try (Stream<Path> heat = Files.list(report.resolve("heatmaps"))) {
            assertEquals(8, heat.count());
        }
    }

    @Test
    void aSavedClassificationModelEvaluatesAsItDidWhenTrained() throws IOException {
        assertEquals(0, CliTest.run("testdata", "generate", dir.toString(), "--kind", "fabric", "--seed", "3",
                "--train", "10,6", "--test", "4,4", "--size", "64x64").code());
        Path model = dir.resolve("saved").resolve("model.loupe");
        CliTest.Result trained = CliTest.run("evaluate", "--train", dir.resolve("train.manifest").toString(), "--test",
                dir.resolve("test.manifest").toString(), "--epochs", "1", "--input-size", "32", "--seed", "5",
                "--json", "--save-model", model.toString());
        assertEquals(0, trained.code(), trained.err());
        CliTest.Result saved = CliTest.run("evaluate", "--model", model.toString(), "--test",
                dir.resolve("test.manifest").toString(), "--json");
        assertEquals(0, saved.code(), saved.err());
        assertSameFigures(trained.json(), saved.json(), "imageAuroc", "averagePrecision", "f1", "precision", "recall",
                "threshold", "trainImages", "testImages", "seed");
        assertTrue(!saved.json().has("trainSeconds"), "nothing was trained: " + saved.json());
    }

    @Test
    void aSavedSegmentationModelEvaluatesAsItDidWhenTrained() throws IOException {
        assertEquals(0, CliTest.run("testdata", "generate", dir.toString(), "--kind", "board", "--seed", "4",
                "--train", "8,8", "--test", "4,4", "--size", "64x64").code());
        Path model = dir.resolve("seg.loupe");
        CliTest.Result trained = CliTest.run("evaluate", "--train", dir.resolve("seg-train.manifest").toString(), "--test",
                dir.resolve("seg-test.manifest").toString(), "--epochs", "1", "--input-size", "32", "--channels", "4,8",
                "--json", "--save-model", model.toString());
        assertEquals(0, trained.code(), trained.err());
        // The test images' references resolve against --test-base, here the folder they are in anyway.
        CliTest.Result saved = CliTest.run("evaluate", "--model", model.toString(), "--test",
                dir.resolve("seg-test.manifest").toString(), "--test-base", dir.toString(), "--json");
        assertEquals(0, saved.code(), saved.err());
        assertSameFigures(trained.json(), saved.json(), "modelType", "imageAuroc", "f1", "threshold", "pixelAuroc",
                "classes", "pixelConfusion", "channels", "regionWeight", "trainImages", "testImages");
        CliTest.Result mismatch = CliTest.run("evaluate", "--model", model.toString(), "--test",
                dir.resolve("seg-test.manifest").toString(), "--model-type", "classification");
        assertEquals(2, mismatch.code());
        assertTrue(mismatch.err().contains("a segmentation model"), mismatch.err());
    }

    @Test
    void aSavedModelNeedsATestManifestAndNothingToTrain() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.loupe"), "not a zip");
        CliTest.Result noTest = CliTest.run("evaluate", "--model", junk.toString());
        assertEquals(2, noTest.code());
        assertTrue(noTest.err().contains("--model needs --test"), noTest.err());
        CliTest.Result both = CliTest.run("evaluate", "--model", junk.toString(), "--train", "t.manifest", "--test",
                "t.manifest");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--train and --save-model do not apply"), both.err());
        CliTest.Result neither = CliTest.run("evaluate", "--test", "t.manifest");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--train is required"), neither.err());
        CliTest.Result damaged = CliTest.run("evaluate", "--model", junk.toString(), "--test", "t.manifest");
        assertEquals(1, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("junk.loupe"), "names the file: " + damaged.err());
    }

    private static void assertSameFigures(JsonNode expected, JsonNode actual, String... fields) {
        for (String f : fields) {
            assertTrue(expected.has(f), "missing " + f + " in " + expected);
            assertEquals(expected.get(f), actual.get(f), f);
        }
    }

    @Test
    void withoutATestManifestASeededShareIsHeldOut() throws IOException {
        assertEquals(0, CliTest.run("testdata", "generate", dir.toString(), "--kind", "board", "--train", "10,5",
                "--test", "0,0", "--size", "64x64").code());
        CliTest.Result r = CliTest.run("evaluate", "--train", dir.resolve("train.manifest").toString(), "--epochs", "1",
                "--input-size", "32", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.json().get("testImages").asInt()); // a fifth of each class: 2 normal, 1 anomalous
        assertEquals(2, CliTest.run("evaluate", "--train", "x", "--model-type", "segmentation-please").code());
    }
}
