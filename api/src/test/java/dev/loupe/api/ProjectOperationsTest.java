package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.ProjectMetadata;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.ValidationException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectOperationsTest {
    @TempDir
    Path dir;
    private final Fixtures.TestClock clock = new Fixtures.TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    private LookoutVision lv;

    @BeforeEach
    void open() {
        lv = LookoutVision.builder().workspace(dir.resolve("ws")).region("eu-west-1").accountId("123456789012")
                .clock(clock).build();
    }

    @AfterEach
    void close() {
        lv.close();
    }

    @Test
    void createReturnsTheServiceArnAndTheClockTime() {
        ProjectMetadata m = lv.createProject(b -> b.projectName("circuit-boards")).projectMetadata();
        assertEquals("arn:aws:lookoutvision:eu-west-1:123456789012:project/circuit-boards", m.projectArn());
        assertEquals("circuit-boards", m.projectName());
        assertEquals(clock.instant(), m.creationTimestamp());
        var d = lv.describeProject(b -> b.projectName("circuit-boards")).projectDescription();
        assertEquals(m.projectArn(), d.projectArn());
        assertTrue(d.datasets().isEmpty(), "a new project has no datasets");
    }

    @Test
    void defaultArnUsesLocalRegionAndZeroAccount() {
        try (LookoutVision other = LookoutVision.local(dir.resolve("other"))) {
            assertEquals("arn:aws:lookoutvision:local:000000000000:project/p",
                    other.createProject(b -> b.projectName("p")).projectMetadata().projectArn());
        }
    }

    @Test
    void aTakenNameIsAConflictNamingTheProject() {
        lv.createProject(b -> b.projectName("p"));
        ConflictException e = assertThrows(ConflictException.class, () -> lv.createProject(b -> b.projectName("p")));
        assertEquals("p", e.resourceId());
        assertEquals(ResourceType.PROJECT, e.resourceType());
        assertEquals("PROJECT", e.resourceTypeAsString());
        assertEquals(409, e.statusCode());
    }

    @Test
    void aMissingProjectIsNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lv.describeProject(b -> b.projectName("nope")));
        assertEquals("nope", e.resourceId());
        assertEquals(ResourceType.PROJECT, e.resourceType());
        assertThrows(ResourceNotFoundException.class, () -> lv.deleteProject(b -> b.projectName("nope")));
    }

    @Test
    void invalidNamesAreRefusedInTheServiceWords() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> lv.createProject(b -> b.projectName("-starts-with-dash")));
        assertEquals("1 validation error detected: Value '-starts-with-dash' at 'projectName' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9][a-zA-Z0-9_\\-]*",
                e.getMessage());
    }

    @Test
    void deleteReturnsTheArnAndRefusesWhileDatasetsExist() {
        String arn = lv.createProject(b -> b.projectName("p")).projectMetadata().projectArn();
        lv.createDataset(b -> b.projectName("p").datasetType("train"));
        ConflictException e = assertThrows(ConflictException.class, () -> lv.deleteProject(b -> b.projectName("p")));
        assertEquals("p", e.resourceId());
        assertTrue(e.getMessage().contains("train"), e.getMessage());
        lv.deleteDataset(b -> b.projectName("p").datasetType("train"));
        assertEquals(arn, lv.deleteProject(b -> b.projectName("p")).projectArn());
        assertThrows(ResourceNotFoundException.class, () -> lv.describeProject(b -> b.projectName("p")));
        // The name is free again.
        lv.createProject(b -> b.projectName("p"));
    }

    @Test
    void listPagesInNameOrderWithOpaqueTokens() {
        for (String n : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            lv.createProject(b -> b.projectName(n));
        }
        ListProjectsResponse first = lv.listProjects(b -> b.maxResults(2));
        assertEquals(List.of("alpha", "bravo"), names(first.projects()));
        ListProjectsResponse second = lv.listProjects(b -> b.maxResults(2).nextToken(first.nextToken()));
        assertEquals(List.of("charlie", "delta"), names(second.projects()));
        ListProjectsResponse last = lv.listProjects(b -> b.maxResults(2).nextToken(second.nextToken()));
        assertEquals(List.of("echo"), names(last.projects()));
        assertNull(last.nextToken(), "the last page has no token");
        assertNull(lv.listProjects(b -> b.maxResults(5)).nextToken(), "an exact fit has no token");
        assertEquals(List.of("alpha", "bravo", "charlie", "delta", "echo"),
                lv.listProjectsPaginator(b -> b.maxResults(2)).projects().stream().map(ProjectMetadata::projectName)
                        .toList());
        assertEquals(5, lv.listProjects(b -> { }).projects().size(), "default page size is 100");
    }

    @Test
    void aTamperedOrForeignTokenIsAValidationError() {
        for (String n : List.of("a", "b", "c")) {
            lv.createProject(b -> b.projectName(n));
        }
        String token = lv.listProjects(b -> b.maxResults(1)).nextToken();
        char[] chars = token.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        assertThrows(ValidationException.class, () -> lv.listProjects(b -> b.nextToken(tampered)));
        assertThrows(ValidationException.class, () -> lv.listProjects(b -> b.nextToken("bm90IGEgdG9rZW4=")));
        try (LookoutVision other = LookoutVision.local(dir.resolve("other"))) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> other.listProjects(b -> b.nextToken(token)));
            assertTrue(e.getMessage().startsWith("The pagination token is invalid"), e.getMessage());
        }
        assertThrows(ValidationException.class, () -> lv.listProjects(b -> b.maxResults(101)));
        assertThrows(ValidationException.class, () -> lv.listProjects(b -> b.maxResults(0)));
    }

    private static List<String> names(List<ProjectMetadata> projects) {
        return projects.stream().map(ProjectMetadata::projectName).toList();
    }
}
