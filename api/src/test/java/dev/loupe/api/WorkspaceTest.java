package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.manifest.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace on disk: what survives a restart, the lock, the repair of interrupted work. */
class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void everythingSurvivesARestart() throws Exception {
        Path ws = dir.resolve("ws");
        List<String> lines = Fixtures.lines(dir, "img", Label.NORMAL, Label.ANOMALY);
        try (LookoutVision lv = LookoutVision.local(ws)) {
            lv.createProject(b -> b.projectName("p"));
            lv.createDataset(b -> b.projectName("p").datasetType("train"), Fixtures.manifest(dir, "m", lines));
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
        }
        try (LookoutVision lv = LookoutVision.local(ws)) {
            DatasetDescription d = lv.describeDataset(b -> b.projectName("p").datasetType("train"))
                    .datasetDescription();
            assertEquals(DatasetStatus.CREATE_COMPLETE, d.status());
            assertEquals(1, d.imageStats().anomaly());
            assertEquals(lines, lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")).datasetEntries());
            // Relative references still resolve for updates after the restart.
            String more = Fixtures.lines(dir, "more", Label.NORMAL).get(0);
            lv.updateDatasetEntries(b -> b.projectName("p").datasetType("train").changes(
                    dev.loupe.api.model.SdkBytes.fromUtf8String(more)));
            assertEquals(DatasetStatus.UPDATE_COMPLETE, lv.waiter().waitUntilDatasetUpdated(b -> b.projectName("p")
                    .datasetType("train")).matched().response().orElseThrow().datasetDescription().status());
        }
    }

    @Test
    void aSecondOpenerIsRefusedWhileTheFirstHoldsIt() {
        Path ws = dir.resolve("ws");
        try (LookoutVision lv = LookoutVision.local(ws)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LookoutVision.local(ws));
            assertTrue(e.getMessage().contains("already open for writing"), e.getMessage());
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
        }
        LookoutVision.local(ws).close();
    }

    @Test
    void aClosedFacadeRefusesCalls() {
        LookoutVision lv = LookoutVision.local(dir.resolve("ws"));
        lv.close();
        assertThrows(IllegalStateException.class, () -> lv.listProjects(b -> { }));
        lv.close();
    }

    @Test
    void aNewerFormatIsRefused() throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws);
        Files.writeString(ws.resolve("workspace.json"), "{\"formatVersion\":99,\"tokenKey\":\"AAAA\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LookoutVision.local(ws));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
    }

    @Test
    void interruptedWorkIsRepairedOnOpen() throws Exception {
        Path ws = dir.resolve("ws");
        List<String> lines = Fixtures.lines(dir, "img", Label.NORMAL, Label.ANOMALY);
        try (LookoutVision lv = LookoutVision.local(ws)) {
            lv.createProject(b -> b.projectName("p"));
            lv.createDataset(b -> b.projectName("p").datasetType("train"), Fixtures.manifest(dir, "m", lines));
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
            lv.createDataset(b -> b.projectName("p").datasetType("test"));
        }
        // What a crash leaves: an update recorded as started with its new generation half
        // written, an import recorded as started, temporary files and a half-created project.
        Path train = ws.resolve("projects/p/datasets/train");
        setStatus(train, "UPDATE_IN_PROGRESS");
        Files.writeString(train.resolve("entries-2.jsonl"), "{\"created\":\"2026-");
        setStatus(ws.resolve("projects/p/datasets/test"), "CREATE_IN_PROGRESS");
        Files.writeString(train.resolve(".tmp-123-dataset.json"), "{");
        Files.createDirectories(ws.resolve("projects/half-made"));
        try (LocalLookoutVision lv = LookoutVision.builder().workspace(ws).build()) {
            assertEquals(2, lv.repairs().size(), lv.repairs().toString());
            DatasetDescription t = lv.describeDataset(b -> b.projectName("p").datasetType("train"))
                    .datasetDescription();
            assertEquals(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, t.status());
            assertTrue(t.statusMessage().contains("interrupted"), t.statusMessage());
            assertEquals(lines, lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")).datasetEntries());
            assertEquals(DatasetStatus.CREATE_FAILED, lv.describeDataset(b -> b.projectName("p")
                    .datasetType("test")).datasetDescription().status());
            assertEquals(List.of("p"), lv.listProjects(b -> { }).projects().stream()
                    .map(p -> p.projectName()).toList());
        }
        try (Stream<Path> files = Files.walk(ws)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-")
                    || f.getFileName().toString().equals("entries-2.jsonl")));
        }
    }

    private static void setStatus(Path datasetDir, String status) throws Exception {
        Path f = datasetDir.resolve("dataset.json");
        String json = Files.readString(f).replaceAll("\"status\" : \"[A-Z_]+\"", "\"status\" : \"" + status + "\"");
        assertTrue(json.contains(status), json);
        Files.writeString(f, json);
    }
}
