package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, on the real aliens manifests (skipped where the shared data is absent). */
class SharedDatasetTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleImportsTheAliensDataset() throws Exception {
        Path datasets = Path.of(System.getProperty("loupe.shared", "../../shared")).resolve("datasets");
        assumeTrue(Files.isDirectory(datasets.resolve("aliens")), "shared datasets not present");
        try (LookoutVision lv = LookoutVision.builder().workspace(dir.resolve("workspace"))
                .bucket("lookout-samples", datasets).build()) {
            lv.createProject(b -> b.projectName("aliens"));
            lv.createDataset(b -> b.projectName("aliens").datasetType("train"),
                    datasets.resolve("aliens/train.manifest"));
            DatasetDescription d = lv.waiter().waitUntilDatasetCreated(b -> b.projectName("aliens")
                    .datasetType("train")).matched().response().orElseThrow().datasetDescription();
            assertEquals(DatasetStatus.CREATE_COMPLETE, d.status());
            List<String> lines = Files.readAllLines(datasets.resolve("aliens/train.manifest")).stream()
                    .filter(l -> !l.isBlank()).toList();
            assertEquals(lines.size(), (int) d.imageStats().total());
            long anomalous = lines.stream().filter(l -> l.contains("\"class-name\": \"anomaly\"")).count();
            assertEquals(anomalous, (long) d.imageStats().anomaly());
            assertEquals(anomalous, lv.listDatasetEntriesPaginator(b -> b.projectName("aliens").datasetType("train")
                    .anomalyClass("anomaly")).datasetEntries().stream().count());
        }
    }
}
