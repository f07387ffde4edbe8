package dev.loupe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.cli.CliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end with tiny training (its full-sized run is timed, not tested): both model
 * types through the facade, DetectAnomalies on held-out images, a report per model, and a
 * workspace the other commands can open afterwards.
 */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsBothModelTypesAndWritesTheirReports() throws IOException {
        Path out = dir.resolve("demo");
        Result r = CliTest.run("demo", "--output", out.toString(), "--epochs", "2", "--input-size", "64",
                "--channels", "8,16,16");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("washers-classification: model 1 TRAINED, F1 "), r.out());
        assertTrue(r.out().contains("washers-segmentation: model 1 TRAINED, F1 "), r.out());
        assertEquals(8, r.out().split("DetectAnomalies ", -1).length - 1, "four held-out images per model");
        for (String project : new String[] {"washers-classification", "washers-segmentation"}) {
            String page = Files.readString(out.resolve("report").resolve(project).resolve("index.html"));
            assertEquals(50, page.split("<img ", -1).length - 1, project + ": one picture per test image");
        }
        assertTrue(Files.readString(out.resolve("report/washers-segmentation/index.html")).contains("crack"),
                "the segmentation report has its per-class table");
        Result list = CliTest.run("--workspace", out.resolve("workspace").toString(), "model", "list",
                "washers-segmentation");
        assertTrue(list.out().startsWith("1\tTRAINED"), "the demo leaves a workspace the commands open: " + list.out());

        Result again = CliTest.run("demo", "--output", dir.toString(), "--epochs", "1");
        assertEquals(1, again.code(), "a folder the demo did not write is not cleared");
    }
}
