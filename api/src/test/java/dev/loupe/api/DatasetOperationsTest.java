package dev.loupe.api;

import static dev.loupe.manifest.Label.ANOMALY;
import static dev.loupe.manifest.Label.NORMAL;
import static dev.loupe.manifest.Label.UNLABELED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.waiters.WaiterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetOperationsTest {
    @TempDir
    Path dir;
    private Path bucket;
    private LookoutVision lv;

    @BeforeEach
    void open() throws Exception {
        bucket = dir.resolve("bucket");
        Files.createDirectories(bucket);
        lv = LookoutVision.builder().workspace(dir.resolve("ws")).bucket("my-bucket", bucket).build();
        lv.createProject(b -> b.projectName("p"));
    }

    @AfterEach
    void close() {
        lv.close();
    }

    @Test
    void withoutASourceTheDatasetIsEmptyAndCompleteAtOnce() {
        DatasetMetadata m = lv.createDataset(b -> b.projectName("p").datasetType("test")).datasetMetadata();
        assertEquals(DatasetStatus.CREATE_COMPLETE, m.status());
        assertEquals("The dataset was created successfully.", m.statusMessage());
        DatasetDescription d = describe("test");
        assertEquals(0, d.imageStats().total());
        assertEquals(List.of("test"), lv.describeProject(b -> b.projectName("p")).projectDescription().datasets()
                .stream().map(DatasetMetadata::datasetType).toList());
    }

    @Test
    void aLocalManifestImportsAsynchronouslyAndCountsLabels() throws Exception {
        Path manifest = Fixtures.manifest(dir, "train.manifest",
                Fixtures.lines(dir, "img", NORMAL, NORMAL, NORMAL, ANOMALY, UNLABELED));
        DatasetMetadata m = lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest).datasetMetadata();
        assertEquals(DatasetStatus.CREATE_IN_PROGRESS, m.status());
        DatasetDescription d = lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"))
                .matched().response().orElseThrow().datasetDescription();
        assertEquals(DatasetStatus.CREATE_COMPLETE, d.status());
        assertEquals("The dataset was created successfully.", d.statusMessage());
        assertEquals(5, d.imageStats().total());
        assertEquals(4, d.imageStats().labeled());
        assertEquals(3, d.imageStats().normal());
        assertEquals(1, d.imageStats().anomaly());
    }

    @Test
    void aManifestInItsOwnFolderResolvesAgainstTheBaseGiven() throws Exception {
        // As in the cookie set: manifests/ beside the images they name relative to the parent.
        Path manifest = Fixtures.manifest(dir.resolve("manifests"), "train.manifest",
                Fixtures.lines(dir, "based", NORMAL, ANOMALY));
        lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest);
        // Without a base the references resolve against manifests/, where there are no images.
        assertTrue(assertThrows(dev.loupe.api.waiters.WaiterException.class, () -> lv.waiter()
                .waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"))).getMessage()
                .contains("image not found: images/based0.png"));
        lv.deleteDataset(b -> b.projectName("p").datasetType("train"));
        lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest, dir);
        DatasetDescription d = lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"))
                .matched().response().orElseThrow().datasetDescription();
        assertEquals(DatasetStatus.CREATE_COMPLETE, d.status());
        assertEquals(2, d.imageStats().labeled());
    }

    @Test
    void anS3SourceResolvesThroughTheBucketMap() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Fixtures.png(bucket.resolve("images/" + i + ".png"), i);
            lines.add(dev.loupe.manifest.ManifestEntry.of("s3://my-bucket/images/" + i + ".png",
                    i == 0 ? ANOMALY : NORMAL).json());
        }
        Fixtures.manifest(bucket.resolve("manifests"), "train.manifest", lines);
        lv.createDataset(b -> b.projectName("p").datasetType("train").datasetSource(s -> s.groundTruthManifest(
                g -> g.s3Object(o -> o.bucket("my-bucket").key("manifests/train.manifest")))));
        DatasetDescription d = waitCreated("train");
        assertEquals(3, d.imageStats().total());
        assertEquals(1, d.imageStats().anomaly());
    }

    @Test
    void anUnknownBucketFailsTheImportWithAMessage() {
        lv.createDataset(b -> b.projectName("p").datasetType("train").datasetSource(s -> s.groundTruthManifest(
                g -> g.s3Object(o -> o.bucket("other-bucket").key("train.manifest")))));
        WaiterException e = assertThrows(WaiterException.class,
                () -> lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train")));
        assertTrue(e.getMessage().contains("CREATE_FAILED"), e.getMessage());
        DatasetDescription d = describe("train");
        assertEquals(DatasetStatus.CREATE_FAILED, d.status());
        assertTrue(d.statusMessage().contains("other-bucket"), d.statusMessage());
    }

    @Test
    void aBadLineFailsTheImportNamingFileLineAndField() throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.lines(dir, "img", NORMAL, NORMAL));
        lines.add("{\"source-ref\":\"images/img0.png\",\"anomaly-label\":0}");
        Path manifest = Fixtures.manifest(dir, "bad.manifest", lines);
        lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest);
        assertThrows(WaiterException.class, () -> waitCreated("train"));
        DatasetDescription d = describe("train");
        assertEquals(DatasetStatus.CREATE_FAILED, d.status());
        assertTrue(d.statusMessage().contains("bad.manifest:3:"), d.statusMessage());
        assertTrue(d.statusMessage().contains("anomaly-label-metadata"), d.statusMessage());
        assertEquals(0, d.imageStats().total(), "a failed import stores nothing");
    }

    @Test
    void aMissingOrBrokenImageFailsTheImportNamingTheLine() throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.lines(dir, "img", NORMAL, NORMAL));
        lines.add(dev.loupe.manifest.ManifestEntry.of("images/missing.png", NORMAL).json());
        Files.writeString(dir.resolve("images/broken.png"), "not a png");
        lines.add(dev.loupe.manifest.ManifestEntry.of("images/broken.png", NORMAL).json());
        Path manifest = Fixtures.manifest(dir, "train.manifest", lines);
        lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest);
        assertThrows(WaiterException.class, () -> waitCreated("train"));
        String message = describe("train").statusMessage();
        assertTrue(message.contains("train.manifest:3: source-ref: image not found: images/missing.png"), message);
        assertTrue(message.contains("train.manifest:4: source-ref: invalid image images/broken.png"), message);
    }

    @Test
    void aFailedDatasetCanBeDeletedAndCreatedAgain() throws Exception {
        lv.createDataset(b -> b.projectName("p").datasetType("train"), dir.resolve("missing.manifest"));
        assertThrows(WaiterException.class, () -> waitCreated("train"));
        assertTrue(describe("train").statusMessage().contains("manifest file not found"));
        lv.deleteDataset(b -> b.projectName("p").datasetType("train"));
        Path manifest = Fixtures.manifest(dir, "train.manifest", Fixtures.lines(dir, "img", NORMAL));
        lv.createDataset(b -> b.projectName("p").datasetType("train"), manifest);
        assertEquals(1, waitCreated("train").imageStats().total());
    }

    @Test
    void aSecondDatasetOfTheSameTypeIsAConflict() {
        lv.createDataset(b -> b.projectName("p").datasetType("train"));
        ConflictException e = assertThrows(ConflictException.class,
                () -> lv.createDataset(b -> b.projectName("p").datasetType("train")));
        assertEquals(ResourceType.DATASET, e.resourceType());
        assertEquals("train", e.resourceId());
        lv.createDataset(b -> b.projectName("p").datasetType("test"));
    }

    @Test
    void datasetsOfAMissingProjectOrTypeAreNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lv.createDataset(b -> b.projectName("nope").datasetType("train")));
        assertEquals(ResourceType.PROJECT, e.resourceType());
        e = assertThrows(ResourceNotFoundException.class, () -> describe("train"));
        assertEquals(ResourceType.DATASET, e.resourceType());
        assertThrows(ResourceNotFoundException.class,
                () -> lv.deleteDataset(b -> b.projectName("p").datasetType("test")));
        assertThrows(ResourceNotFoundException.class,
                () -> lv.listDatasetEntries(b -> b.projectName("p").datasetType("test")));
    }

    @Test
    void onlyTrainAndTestAreDatasetTypes() {
        assertThrows(ValidationException.class, () -> lv.createDataset(b -> b.projectName("p").datasetType("val")));
        assertThrows(ValidationException.class, () -> lv.createDataset(b -> b.projectName("p")));
    }

    @Test
    void aSourceAndALocalManifestTogetherAreRefused() {
        assertThrows(ValidationException.class, () -> lv.createDataset(b -> b.projectName("p").datasetType("train")
                .datasetSource(s -> s.groundTruthManifest(g -> g.s3Object(o -> o.bucket("my-bucket").key("k")))),
                dir.resolve("train.manifest")));
    }

    @Test
    void aDatasetBusyImportingCannotBeDeletedOrUpdated() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path manifest = Fixtures.manifest(dir, "train.manifest", Fixtures.lines(dir, "img", NORMAL));
        try (LookoutVision held = LookoutVision.builder().workspace(dir.resolve("ws2")).executor(executor).build()) {
            held.createProject(b -> b.projectName("p"));
            held.createDataset(b -> b.projectName("p").datasetType("train"), manifest);
            // The import is queued behind the blocking task: the dataset stays CREATE_IN_PROGRESS.
            ConflictException e = assertThrows(ConflictException.class,
                    () -> held.deleteDataset(b -> b.projectName("p").datasetType("train")));
            assertEquals(ResourceType.DATASET, e.resourceType());
            assertThrows(ConflictException.class, () -> held.updateDatasetEntries(b -> b.projectName("p")
                    .datasetType("train").changes(dev.loupe.api.model.SdkBytes.fromUtf8String("{}"))));
            release.countDown();
            held.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
            held.deleteDataset(b -> b.projectName("p").datasetType("train"));
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void deletingADatasetMakesItGoneAtOnce() {
        lv.createDataset(b -> b.projectName("p").datasetType("train"));
        lv.deleteDataset(b -> b.projectName("p").datasetType("train"));
        var wait = lv.waiter().waitUntilDatasetDeleted(b -> b.projectName("p").datasetType("train"));
        assertTrue(wait.matched().exception().orElseThrow() instanceof ResourceNotFoundException);
        assertTrue(lv.describeProject(b -> b.projectName("p")).projectDescription().datasets().isEmpty());
    }

    private DatasetDescription describe(String type) {
        return lv.describeDataset(b -> b.projectName("p").datasetType(type)).datasetDescription();
    }

    private DatasetDescription waitCreated(String type) {
        return lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType(type))
                .matched().response().orElseThrow().datasetDescription();
    }
}
