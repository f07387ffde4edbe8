package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.CreateDatasetResponse;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.SdkBytes;
import dev.loupe.api.model.ValidationException;
import dev.loupe.manifest.Label;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClientToken idempotency: 8 hours, per operation, same parameters only, across restarts. */
class ClientTokenTest {
    @TempDir
    Path dir;
    private final Fixtures.TestClock clock = new Fixtures.TestClock(Instant.parse("2026-11-30T10:00:00Z"));

    private LookoutVision open() {
        return LookoutVision.builder().workspace(dir.resolve("ws")).clock(clock).build();
    }

    @Test
    void aRepeatedCallReturnsTheFirstResultAndDoesNothingTwice() {
        try (LookoutVision lv = open()) {
            CreateProjectResponse first = lv.createProject(b -> b.projectName("p").clientToken("token-1"));
            clock.advance(Duration.ofMinutes(5));
            CreateProjectResponse again = lv.createProject(b -> b.projectName("p").clientToken("token-1"));
            assertEquals(first, again);
            assertEquals(1, lv.listProjects(b -> { }).projects().size());
        }
    }

    @Test
    void theSameTokenWithOtherParametersIsAConflict() {
        try (LookoutVision lv = open()) {
            lv.createProject(b -> b.projectName("p").clientToken("token-1"));
            ConflictException e = assertThrows(ConflictException.class,
                    () -> lv.createProject(b -> b.projectName("q").clientToken("token-1")));
            assertEquals("q", e.resourceId());
            assertEquals(ResourceType.PROJECT, e.resourceType());
            // Another operation has its own tokens.
            lv.createDataset(b -> b.projectName("p").datasetType("train").clientToken("token-1"));
        }
    }

    @Test
    void tokensSurviveARestartAndExpireAfterEightHours() {
        CreateDatasetResponse first;
        try (LookoutVision lv = open()) {
            lv.createProject(b -> b.projectName("p"));
            first = lv.createDataset(b -> b.projectName("p").datasetType("test").clientToken("t"));
        }
        try (LookoutVision lv = open()) {
            assertEquals(first, lv.createDataset(b -> b.projectName("p").datasetType("test").clientToken("t")));
            clock.advance(Duration.ofHours(8).plusSeconds(1));
            // Expired: a new call, which now conflicts with the dataset the first one made.
            assertThrows(ConflictException.class,
                    () -> lv.createDataset(b -> b.projectName("p").datasetType("test").clientToken("t")));
        }
    }

    @Test
    void aFailedCallRecordsNothingSoItsRetryRuns() {
        try (LookoutVision lv = open()) {
            assertThrows(RuntimeException.class, () -> lv.deleteProject(b -> b.projectName("p").clientToken("d")));
            lv.createProject(b -> b.projectName("p"));
            assertEquals("arn:aws:lookoutvision:local:000000000000:project/p",
                    lv.deleteProject(b -> b.projectName("p").clientToken("d")).projectArn());
        }
    }

    @Test
    void aRepeatedUpdateIsAppliedOnce() throws Exception {
        try (LookoutVision lv = open()) {
            lv.createProject(b -> b.projectName("p"));
            lv.createDataset(b -> b.projectName("p").datasetType("train"),
                    Fixtures.manifest(dir, "train.manifest", Fixtures.lines(dir, "a", Label.NORMAL)));
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
            SdkBytes changes = SdkBytes.fromUtf8String(String.join("\n", Fixtures.lines(dir, "b", Label.ANOMALY)));
            assertEquals(DatasetStatus.UPDATE_IN_PROGRESS, lv.updateDatasetEntries(b -> b.projectName("p")
                    .datasetType("train").changes(changes).clientToken("u")).status());
            lv.waiter().waitUntilDatasetUpdated(b -> b.projectName("p").datasetType("train"));
            // The replay answers as the first call did, without starting another update.
            assertEquals(DatasetStatus.UPDATE_IN_PROGRESS, lv.updateDatasetEntries(b -> b.projectName("p")
                    .datasetType("train").changes(changes).clientToken("u")).status());
            assertEquals(DatasetStatus.UPDATE_COMPLETE, lv.describeDataset(b -> b.projectName("p")
                    .datasetType("train")).datasetDescription().status());
        }
    }

    @Test
    void tokensFollowTheServicePattern() {
        try (LookoutVision lv = open()) {
            assertThrows(ValidationException.class, () -> lv.createProject(b -> b.projectName("p").clientToken("a b")));
            assertThrows(ValidationException.class,
                    () -> lv.createProject(b -> b.projectName("p").clientToken("x".repeat(65))));
        }
    }
}
