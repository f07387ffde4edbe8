package dev.loupe.api;

import static dev.loupe.manifest.Label.ANOMALY;
import static dev.loupe.manifest.Label.NORMAL;
import static dev.loupe.manifest.Label.UNLABELED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.SdkBytes;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.waiters.WaiterException;
import dev.loupe.manifest.ManifestEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UpdateDatasetEntries and ListDatasetEntries: replacement by source-ref, rollback, filters, paging. */
class DatasetEntriesTest {
    @TempDir
    Path dir;
    private final Fixtures.TestClock clock = new Fixtures.TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    private LookoutVision lv;
    private List<String> imported;

    @BeforeEach
    void open() throws Exception {
        lv = LookoutVision.builder().workspace(dir.resolve("ws")).clock(clock).build();
        lv.createProject(b -> b.projectName("p"));
        imported = Fixtures.lines(dir, "img", NORMAL, NORMAL, ANOMALY, NORMAL, UNLABELED);
        lv.createDataset(b -> b.projectName("p").datasetType("train"), Fixtures.manifest(dir, "train.manifest", imported));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
    }

    @AfterEach
    void close() {
        lv.close();
    }

    @Test
    void entriesComeBackVerbatimInImportOrder() {
        assertEquals(imported, all(b -> { }));
    }

    @Test
    void anUpdateAddsNewLinesAndReplacesOthersInPlace() throws Exception {
        List<String> added = Fixtures.lines(dir, "new", ANOMALY, ANOMALY);
        // The same image, now labelled anomalous: the whole line is replaced, not merged.
        String replaced = ManifestEntry.of("images/img1.png", ANOMALY).json();
        assertEquals(DatasetStatus.UPDATE_IN_PROGRESS, update(added.get(0) + "\n" + replaced + "\n" + added.get(1)));
        DatasetDescription d = waitUpdated();
        assertEquals(DatasetStatus.UPDATE_COMPLETE, d.status());
        assertEquals(7, d.imageStats().total());
        assertEquals(4, d.imageStats().anomaly());
        assertEquals(2, d.imageStats().normal());
        assertEquals(6, d.imageStats().labeled());
        List<String> expected = new ArrayList<>(imported);
        expected.set(1, replaced);
        expected.addAll(added);
        assertEquals(expected, all(b -> { }));
    }

    @Test
    void aFailedUpdateRollsBackToExactlyThePreviousContents() throws Exception {
        List<String> good = Fixtures.lines(dir, "new", ANOMALY);
        String missing = ManifestEntry.of("images/not-there.png", NORMAL).json();
        update(good.get(0) + "\n" + missing + "\n");
        WaiterException e = assertThrows(WaiterException.class, this::waitUpdated);
        assertTrue(e.getMessage().contains("UPDATE_FAILED_ROLLBACK_COMPLETE"), e.getMessage());
        DatasetDescription d = describe();
        assertEquals(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, d.status());
        assertTrue(d.statusMessage().contains("changes:2: source-ref: image not found: images/not-there.png"),
                d.statusMessage());
        assertEquals(imported, all(b -> { }));
        assertEquals(5, d.imageStats().total());
        // A rolled-back dataset accepts the next update.
        update(good.get(0));
        assertEquals(DatasetStatus.UPDATE_COMPLETE, waitUpdated().status());
        assertEquals(6, describe().imageStats().total());
    }

    @Test
    void malformedChangesRollBackNamingTheLine() {
        update("{\"source-ref\":\"images/img0.png\"}\nnot json\n");
        assertThrows(WaiterException.class, this::waitUpdated);
        String message = describe().statusMessage();
        assertTrue(message.contains("changes:1:"), message);
        assertTrue(message.contains("changes:2:"), message);
        assertEquals(imported, all(b -> { }));
    }

    @Test
    void imagesOfAnotherBucketAreRefused() throws Exception {
        Path bucket = dir.resolve("bucket");
        Path other = dir.resolve("other");
        Fixtures.png(bucket.resolve("a.png"), 1);
        Fixtures.png(other.resolve("b.png"), 2);
        try (LookoutVision s3 = LookoutVision.builder().workspace(dir.resolve("ws-s3"))
                .bucket("b1", bucket).bucket("b2", other).build()) {
            s3.createProject(b -> b.projectName("p"));
            s3.createDataset(b -> b.projectName("p").datasetType("train"), Fixtures.manifest(dir, "s3.manifest",
                    List.of(ManifestEntry.of("s3://b1/a.png", NORMAL).json())));
            s3.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
            s3.updateDatasetEntries(b -> b.projectName("p").datasetType("train")
                    .changes(SdkBytes.fromUtf8String(ManifestEntry.of("s3://b2/b.png", NORMAL).json())));
            assertThrows(WaiterException.class,
                    () -> s3.waiter().waitUntilDatasetUpdated(b -> b.projectName("p").datasetType("train")));
            String message = s3.describeDataset(b -> b.projectName("p").datasetType("train"))
                    .datasetDescription().statusMessage();
            assertTrue(message.contains("bucket 'b2'") && message.contains("bucket 'b1'"), message);
        }
    }

    @Test
    void emptyOrOversizedChangesAreValidationErrors() {
        assertThrows(ValidationException.class, () -> lv.updateDatasetEntries(b -> b.projectName("p")
                .datasetType("train").changes(SdkBytes.fromByteArray(new byte[0]))));
        assertThrows(ValidationException.class, () -> lv.updateDatasetEntries(b -> b.projectName("p")
                .datasetType("train").changes(SdkBytes.fromByteArray(new byte[10 * 1024 * 1024 + 1]))));
        assertThrows(ValidationException.class, () -> lv.updateDatasetEntries(b -> b.projectName("p")
                .datasetType("train")));
    }

    @Test
    void filtersApplyBeforePaging() {
        assertEquals(List.of(imported.get(0), imported.get(1), imported.get(3)), all(b -> b.anomalyClass("normal")));
        assertEquals(List.of(imported.get(2)), all(b -> b.anomalyClass("anomaly")));
        assertEquals(4, all(b -> b.labeled(true)).size());
        assertEquals(List.of(imported.get(4)), all(b -> b.labeled(false)));
        assertEquals(List.of(imported.get(3)), all(b -> b.sourceRefContains("img3")));
        assertEquals(List.of(imported.get(3)), all(b -> b.sourceRefContains("*img3*")));
        assertEquals(5, all(b -> b.sourceRefContains("images/*.png")).size());
        assertEquals(List.of(), all(b -> b.sourceRefContains("IMG3")), "the match is case-sensitive");
        // A filtered walk with one entry per page still visits exactly the matching entries.
        assertEquals(List.of(imported.get(0), imported.get(1), imported.get(3)),
                all(b -> b.anomalyClass("normal").maxResults(1)));
    }

    @Test
    void dateFiltersCompareWithTheEntryCreationTimeExclusively() throws Exception {
        Instant importTime = clock.instant();
        clock.advance(Duration.ofHours(1));
        List<String> later = Fixtures.lines(dir, "later", NORMAL);
        update(later.get(0));
        waitUpdated();
        Instant updateTime = clock.instant();
        assertEquals(later, all(b -> b.afterCreationDate(importTime)));
        assertEquals(imported, all(b -> b.beforeCreationDate(updateTime)));
        assertEquals(List.of(), all(b -> b.afterCreationDate(updateTime)));
        assertEquals(6, all(b -> b.afterCreationDate(importTime.minusSeconds(1))).size());
    }

    @Test
    void pagesHoldAtMostMaxResultsAndTheLastHasNoToken() {
        ListDatasetEntriesResponse first = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
                .maxResults(2));
        assertEquals(imported.subList(0, 2), first.datasetEntries());
        ListDatasetEntriesResponse second = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
                .maxResults(2).nextToken(first.nextToken()));
        assertEquals(imported.subList(2, 4), second.datasetEntries());
        ListDatasetEntriesResponse third = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
                .maxResults(2).nextToken(second.nextToken()));
        assertEquals(imported.subList(4, 5), third.datasetEntries());
        assertNull(third.nextToken());
    }

    @Test
    void aTokenIsRefusedWithOtherFiltersAnotherDatasetOrAfterRecreation() throws Exception {
        String token = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").maxResults(1))
                .nextToken();
        ValidationException e = assertThrows(ValidationException.class, () -> lv.listDatasetEntries(
                b -> b.projectName("p").datasetType("train").anomalyClass("normal").nextToken(token)));
        assertTrue(e.getMessage().contains("other filters"), e.getMessage());
        lv.createDataset(b -> b.projectName("p").datasetType("test"));
        assertThrows(ValidationException.class, () -> lv.listDatasetEntries(
                b -> b.projectName("p").datasetType("test").nextToken(token)));
        lv.deleteDataset(b -> b.projectName("p").datasetType("train"));
        lv.createDataset(b -> b.projectName("p").datasetType("train"),
                Fixtures.manifest(dir, "train.manifest", imported));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
        assertThrows(ValidationException.class, () -> lv.listDatasetEntries(
                b -> b.projectName("p").datasetType("train").nextToken(token)));
        // The page size may change between pages.
        String fresh = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").maxResults(1))
                .nextToken();
        assertEquals(imported.subList(1, 5), lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
                .maxResults(10).nextToken(fresh)).datasetEntries());
    }

    @Test
    void pagingStaysStableWhileAnUpdateLands() throws Exception {
        ListDatasetEntriesResponse first = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
                .maxResults(3));
        update(Fixtures.lines(dir, "new", NORMAL).get(0) + "\n" + ManifestEntry.of("images/img4.png", ANOMALY).json());
        waitUpdated();
        List<String> rest = lv.listDatasetEntriesPaginator(b -> b.projectName("p").datasetType("train").maxResults(3)
                .nextToken(first.nextToken())).datasetEntries().stream().toList();
        List<String> seen = new ArrayList<>(first.datasetEntries());
        seen.addAll(rest);
        assertEquals(all(b -> { }), seen, "no entry skipped or repeated across the update");
    }

    @Test
    void invalidFilterValuesAreValidationErrors() {
        assertThrows(ValidationException.class,
                () -> lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").anomalyClass("weird")));
        assertThrows(ValidationException.class,
                () -> lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").sourceRefContains("  ")));
        assertThrows(ValidationException.class,
                () -> lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").maxResults(101)));
        assertThrows(ValidationException.class,
                () -> lv.listDatasetEntries(b -> b.projectName("p").datasetType("train").nextToken("not a token!")));
    }

    private List<String> all(Consumer<ListDatasetEntriesRequest.Builder> filter) {
        ListDatasetEntriesRequest.Builder b = ListDatasetEntriesRequest.builder().projectName("p").datasetType("train");
        filter.accept(b);
        return lv.listDatasetEntriesPaginator(b.build()).items().stream().toList();
    }

    private DatasetStatus update(String changes) {
        return lv.updateDatasetEntries(b -> b.projectName("p").datasetType("train")
                .changes(SdkBytes.fromUtf8String(changes))).status();
    }

    private DatasetDescription waitUpdated() {
        return lv.waiter().waitUntilDatasetUpdated(b -> b.projectName("p").datasetType("train"))
                .matched().response().orElseThrow().datasetDescription();
    }

    private DatasetDescription describe() {
        return lv.describeDataset(b -> b.projectName("p").datasetType("train")).datasetDescription();
    }
}
