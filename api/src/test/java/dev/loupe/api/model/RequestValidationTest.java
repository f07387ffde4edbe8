package dev.loupe.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The model's request constraints, in the service's words, and the value types' conventions. */
class RequestValidationTest {
    private static final String PROJECT_NAME_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9_\\-]*";
    private static final String S3 = "datasetSource.groundTruthManifest.s3Object";

    /** The message of the {@link ValidationException} that {@code e} must throw. */
    private static String error(Executable e) {
        return assertThrows(ValidationException.class, e).getMessage();
    }

    private static String one(String detail) {
        return "1 validation error detected: " + detail;
    }

    private static String nullAt(String field) {
        return "Value null at '" + field + "' failed to satisfy constraint: Member must not be null";
    }

    private static String at(Object value, String field, String constraint) {
        return "Value '" + value + "' at '" + field + "' failed to satisfy constraint: " + constraint;
    }

    private static String tooShort(Object value, String field, int min) {
        return at(value, field, "Member must have length greater than or equal to " + min);
    }

    private static String tooLong(Object value, String field, int max) {
        return at(value, field, "Member must have length less than or equal to " + max);
    }

    private static String pattern(Object value, String field, String pattern) {
        return at(value, field, "Member must satisfy regular expression pattern: " + pattern);
    }

    private static CreateDatasetRequest createDataset(Consumer<InputS3Object.Builder> s3Object) {
        return CreateDatasetRequest.builder().projectName("p").datasetType("train")
                .datasetSource(s -> s.groundTruthManifest(g -> g.s3Object(s3Object))).build();
    }

    @Nested
    class ProjectName {
        @Test
        void patternIsEnforced() {
            assertEquals("1 validation error detected: Value 'a b' at 'projectName' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9][a-zA-Z0-9_\\-]*",
                    error(() -> CreateProjectRequest.builder().projectName("a b").build()));
            assertEquals(one(pattern("-p", "projectName", PROJECT_NAME_PATTERN)),
                    error(() -> DescribeProjectRequest.builder().projectName("-p").build()));
            assertDoesNotThrow(() -> DescribeProjectRequest.builder().projectName("Circuit_boards-2").build());
        }

        @Test
        void isRequired() {
            assertEquals("1 validation error detected: Value null at 'projectName' failed to satisfy "
                            + "constraint: Member must not be null",
                    error(() -> DescribeProjectRequest.builder().build()));
            assertEquals(one(nullAt("projectName")), error(() -> DeleteProjectRequest.builder().build()));
            assertEquals(one(nullAt("projectName")),
                    error(() -> CreateDatasetRequest.builder().datasetType("train").build()));
            assertEquals(one(nullAt("projectName")),
                    error(() -> DescribeDatasetRequest.builder().datasetType("train").build()));
            assertEquals(one(nullAt("projectName")),
                    error(() -> DeleteDatasetRequest.builder().datasetType("test").build()));
            assertEquals(one(nullAt("projectName")), error(() -> UpdateDatasetEntriesRequest.builder()
                    .datasetType("train").changes(SdkBytes.fromUtf8String("{}")).build()));
            assertEquals(one(nullAt("projectName")),
                    error(() -> ListDatasetEntriesRequest.builder().datasetType("train").build()));
        }

        @Test
        void lengthIsOneTo255() {
            String ok = "a".repeat(255);
            String long1 = "a".repeat(256);
            assertEquals(ok, DescribeProjectRequest.builder().projectName(ok).build().projectName());
            assertDoesNotThrow(() -> DescribeProjectRequest.builder().projectName("a").build());
            assertEquals(one(tooLong(long1, "projectName", 255)),
                    error(() -> DescribeProjectRequest.builder().projectName(long1).build()));
            assertEquals("2 validation errors detected: " + tooShort("", "projectName", 1) + "; "
                            + pattern("", "projectName", PROJECT_NAME_PATTERN),
                    error(() -> DeleteProjectRequest.builder().projectName("").build()));
        }
    }

    @Nested
    class DatasetType {
        @Test
        void isTrainOrTest() {
            assertDoesNotThrow(() -> DescribeDatasetRequest.builder().projectName("p").datasetType("train").build());
            assertDoesNotThrow(() -> DescribeDatasetRequest.builder().projectName("p").datasetType("test").build());
            assertEquals(one(pattern("validation", "datasetType", "train|test")),
                    error(() -> DescribeDatasetRequest.builder().projectName("p").datasetType("validation").build()));
            assertEquals(one(pattern("Train", "datasetType", "train|test")),
                    error(() -> DeleteDatasetRequest.builder().projectName("p").datasetType("Train").build()));
        }

        @Test
        void lengthIsOneToTen() {
            assertEquals("2 validation errors detected: " + tooLong("trainingset", "datasetType", 10) + "; "
                            + pattern("trainingset", "datasetType", "train|test"),
                    error(() -> CreateDatasetRequest.builder().projectName("p").datasetType("trainingset").build()));
            assertEquals("2 validation errors detected: " + tooShort("", "datasetType", 1) + "; "
                            + pattern("", "datasetType", "train|test"),
                    error(() -> DescribeDatasetRequest.builder().projectName("p").datasetType("").build()));
        }

        @Test
        void isRequired() {
            assertEquals(one(nullAt("datasetType")),
                    error(() -> CreateDatasetRequest.builder().projectName("p").build()));
            assertEquals(one(nullAt("datasetType")),
                    error(() -> DescribeDatasetRequest.builder().projectName("p").build()));
            assertEquals(one(nullAt("datasetType")),
                    error(() -> DeleteDatasetRequest.builder().projectName("p").build()));
            assertEquals(one(nullAt("datasetType")), error(() -> UpdateDatasetEntriesRequest.builder()
                    .projectName("p").changes(SdkBytes.fromUtf8String("{}")).build()));
            assertEquals(one(nullAt("datasetType")),
                    error(() -> ListDatasetEntriesRequest.builder().projectName("p").build()));
        }
    }

    @Nested
    class ErrorsTogether {
        @Test
        void twoMissingFieldsAreCountedAndJoined() {
            assertEquals("2 validation errors detected: Value null at 'projectName' failed to satisfy "
                            + "constraint: Member must not be null; Value null at 'datasetType' failed to "
                            + "satisfy constraint: Member must not be null",
                    error(() -> DescribeDatasetRequest.builder().build()));
        }

        @Test
        void twoBrokenFieldsAreCountedAndJoined() {
            assertEquals("2 validation errors detected: " + pattern("a b", "projectName", PROJECT_NAME_PATTERN)
                            + "; " + pattern("x_y", "clientToken", "^[a-zA-Z0-9-]+$"),
                    error(() -> DeleteProjectRequest.builder().projectName("a b").clientToken("x_y").build()));
        }

        @Test
        void updateWithNothingNamesAllThreeRequiredFields() {
            assertEquals("3 validation errors detected: " + nullAt("projectName") + "; " + nullAt("datasetType")
                            + "; " + nullAt("changes"),
                    error(() -> UpdateDatasetEntriesRequest.builder().build()));
        }

        @Test
        void nestedErrorsComeAfterTheRequestsOwn() {
            assertEquals("2 validation errors detected: " + pattern("a_b", "clientToken", "^[a-zA-Z0-9-]+$")
                            + "; " + tooShort("b", S3 + ".bucket", 3),
                    error(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train").clientToken("a_b")
                            .datasetSource(s -> s.groundTruthManifest(g -> g.s3Object(o -> o.bucket("b").key("k"))))
                            .build()));
        }
    }

    @Nested
    class ClientToken {
        @Test
        void isOptional() {
            assertNull(CreateProjectRequest.builder().projectName("p").build().clientToken());
            assertDoesNotThrow(() -> DeleteProjectRequest.builder().projectName("p").build());
            assertDoesNotThrow(() -> DeleteDatasetRequest.builder().projectName("p").datasetType("test").build());
        }

        @Test
        void lengthIsOneTo64() {
            String ok = "a".repeat(64);
            String long1 = "a".repeat(65);
            assertDoesNotThrow(() -> DeleteProjectRequest.builder().projectName("p").clientToken(ok).build());
            assertDoesNotThrow(() -> DeleteProjectRequest.builder().projectName("p").clientToken("a").build());
            assertEquals(one(tooLong(long1, "clientToken", 64)),
                    error(() -> DeleteProjectRequest.builder().projectName("p").clientToken(long1).build()));
            assertEquals("2 validation errors detected: " + tooShort("", "clientToken", 1) + "; "
                            + pattern("", "clientToken", "^[a-zA-Z0-9-]+$"),
                    error(() -> DeleteDatasetRequest.builder().projectName("p").datasetType("train").clientToken("")
                            .build()));
        }

        @Test
        void patternIsEnforced() {
            assertDoesNotThrow(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train")
                    .clientToken("123e4567-e89b-12d3-a456-426614174000").build());
            assertEquals(one(pattern("a b", "clientToken", "^[a-zA-Z0-9-]+$")),
                    error(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train").clientToken("a b")
                            .build()));
            assertEquals(one(pattern("a.b", "clientToken", "^[a-zA-Z0-9-]+$")),
                    error(() -> UpdateDatasetEntriesRequest.builder().projectName("p").datasetType("train")
                            .changes(SdkBytes.fromUtf8String("{}")).clientToken("a.b").build()));
        }
    }

    @Nested
    class Pagination {
        private static final String TOKEN_PATTERN = "^[a-zA-Z0-9\\/\\+\\=]{0,2048}$";

        @Test
        void nextTokenIsZeroTo2048() {
            assertDoesNotThrow(() -> ListProjectsRequest.builder().build());
            assertDoesNotThrow(() -> ListProjectsRequest.builder().nextToken("").build());
            assertDoesNotThrow(() -> ListProjectsRequest.builder().nextToken("a".repeat(2048)).build());
            assertDoesNotThrow(() -> ListProjectsRequest.builder().nextToken("aB3/+=").build());
            String long1 = "a".repeat(2049);
            assertEquals("2 validation errors detected: " + tooLong(long1, "nextToken", 2048) + "; "
                            + pattern(long1, "nextToken", TOKEN_PATTERN),
                    error(() -> ListProjectsRequest.builder().nextToken(long1).build()));
        }

        @Test
        void nextTokenPatternIsEnforced() {
            assertEquals(one(pattern("a b", "nextToken", TOKEN_PATTERN)),
                    error(() -> ListProjectsRequest.builder().nextToken("a b").build()));
            assertEquals(one(pattern("a-b", "nextToken", TOKEN_PATTERN)),
                    error(() -> ListDatasetEntriesRequest.builder().projectName("p").datasetType("train")
                            .nextToken("a-b").build()));
        }

        @Test
        void maxResultsIsOneTo100() {
            assertEquals(one(at(0, "maxResults", "Member must have value greater than or equal to 1")),
                    error(() -> ListProjectsRequest.builder().maxResults(0).build()));
            assertEquals(one(at(101, "maxResults", "Member must have value less than or equal to 100")),
                    error(() -> ListProjectsRequest.builder().maxResults(101).build()));
            assertEquals(1, ListProjectsRequest.builder().maxResults(1).build().maxResults());
            assertEquals(100, ListProjectsRequest.builder().maxResults(100).build().maxResults());
            assertNull(ListProjectsRequest.builder().build().maxResults());

            ListDatasetEntriesRequest.Builder entries =
                    ListDatasetEntriesRequest.builder().projectName("p").datasetType("train");
            assertEquals(one(at(0, "maxResults", "Member must have value greater than or equal to 1")),
                    error(() -> entries.maxResults(0).build()));
            assertEquals(one(at(101, "maxResults", "Member must have value less than or equal to 100")),
                    error(() -> entries.maxResults(101).build()));
            assertDoesNotThrow(() -> entries.maxResults(1).build());
            assertDoesNotThrow(() -> entries.maxResults(100).build());
        }
    }

    @Nested
    class ListDatasetEntriesFilters {
        private ListDatasetEntriesRequest.Builder request() {
            return ListDatasetEntriesRequest.builder().projectName("p").datasetType("train");
        }

        @Test
        void anomalyClassIsNormalOrAnomaly() {
            assertDoesNotThrow(() -> request().anomalyClass("normal").build());
            assertDoesNotThrow(() -> request().anomalyClass("anomaly").build());
            assertDoesNotThrow(() -> request().build());
            assertEquals(one(pattern("Normal", "anomalyClass", "(normal|anomaly)")),
                    error(() -> request().anomalyClass("Normal").build()));
            assertEquals("2 validation errors detected: " + tooLong("anomalyclass", "anomalyClass", 10) + "; "
                            + pattern("anomalyclass", "anomalyClass", "(normal|anomaly)"),
                    error(() -> request().anomalyClass("anomalyclass").build()));
            assertEquals("2 validation errors detected: " + tooShort("", "anomalyClass", 1) + "; "
                            + pattern("", "anomalyClass", "(normal|anomaly)"),
                    error(() -> request().anomalyClass("").build()));
        }

        @Test
        void sourceRefContainsIsOneTo2048AndNotBlank() {
            assertDoesNotThrow(() -> request().sourceRefContains("jpg").build());
            assertDoesNotThrow(() -> request().sourceRefContains(" a\n").build());
            assertDoesNotThrow(() -> request().sourceRefContains("a".repeat(2048)).build());
            String long1 = "a".repeat(2049);
            assertEquals(one(tooLong(long1, "sourceRefContains", 2048)),
                    error(() -> request().sourceRefContains(long1).build()));
            assertEquals(one(pattern("   ", "sourceRefContains", ".*\\S.*")),
                    error(() -> request().sourceRefContains("   ").build()));
            assertEquals("2 validation errors detected: " + tooShort("", "sourceRefContains", 1) + "; "
                            + pattern("", "sourceRefContains", ".*\\S.*"),
                    error(() -> request().sourceRefContains("").build()));
        }

        @Test
        void otherFiltersAreKept() {
            Instant before = Instant.parse("2024-01-02T00:00:00Z");
            Instant after = Instant.parse("2024-01-01T00:00:00Z");
            ListDatasetEntriesRequest r = request().labeled(true).beforeCreationDate(before)
                    .afterCreationDate(after).build();
            assertEquals(Boolean.TRUE, r.labeled());
            assertEquals(before, r.beforeCreationDate());
            assertEquals(after, r.afterCreationDate());
        }
    }

    @Nested
    class Changes {
        private UpdateDatasetEntriesRequest.Builder request() {
            return UpdateDatasetEntriesRequest.builder().projectName("p").datasetType("train");
        }

        @Test
        void isRequired() {
            assertEquals(one(nullAt("changes")), error(() -> request().build()));
        }

        @Test
        void isOneTo10485760Bytes() {
            assertDoesNotThrow(() -> request().changes(SdkBytes.fromByteArray(new byte[1])).build());
            SdkBytes max = SdkBytes.fromByteArray(new byte[10485760]);
            assertEquals(10485760, request().changes(max).build().changes().length());
            assertEquals(one("Value at 'changes' failed to satisfy constraint: Member must have length less "
                            + "than or equal to 10485760"),
                    error(() -> request().changes(SdkBytes.fromByteArray(new byte[10485761])).build()));
            assertEquals(one("Value at 'changes' failed to satisfy constraint: Member must have length greater "
                            + "than or equal to 1"),
                    error(() -> request().changes(SdkBytes.fromByteArray(new byte[0])).build()));
        }
    }

    @Nested
    class NestedS3Object {
        @Test
        void aValidSourcePasses() {
            CreateDatasetRequest r = createDataset(o -> o.bucket("my-bucket.1_a").key("train.manifest")
                    .versionId("v1"));
            assertEquals("train.manifest", r.datasetSource().groundTruthManifest().s3Object().key());
            assertDoesNotThrow(() -> createDataset(o -> o.bucket("abc").key("a/b/c.manifest")));
            assertDoesNotThrow(() -> createDataset(o -> o.bucket("a".repeat(63)).key("k".repeat(1024))
                    .versionId("v".repeat(1024))));
        }

        @Test
        void absentSourceOrManifestPasses() {
            assertDoesNotThrow(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train").build());
            assertDoesNotThrow(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train")
                    .datasetSource(s -> { }).build());
            assertDoesNotThrow(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train")
                    .datasetSource(s -> s.groundTruthManifest(g -> { })).build());
        }

        @Test
        void valuesAreBuiltFreelyAndJudgedWhereUsed() {
            InputS3Object bad = assertDoesNotThrow(() -> InputS3Object.builder().bucket("b").build());
            DatasetSource source = assertDoesNotThrow(() -> DatasetSource.builder()
                    .groundTruthManifest(DatasetGroundTruthManifest.builder().s3Object(bad).build()).build());
            assertEquals("2 validation errors detected: " + tooShort("b", S3 + ".bucket", 3) + "; "
                            + nullAt(S3 + ".key"),
                    error(() -> CreateDatasetRequest.builder().projectName("p").datasetType("train")
                            .datasetSource(source).build()));
        }

        @Test
        void bucketIsRequired3To63AndPatterned() {
            assertEquals(one(nullAt("datasetSource.groundTruthManifest.s3Object.bucket")),
                    error(() -> createDataset(o -> o.key("k"))));
            assertEquals(one(tooShort("ab", S3 + ".bucket", 3)),
                    error(() -> createDataset(o -> o.bucket("ab").key("k"))));
            String long1 = "a".repeat(64);
            assertEquals(one(tooLong(long1, S3 + ".bucket", 63)),
                    error(() -> createDataset(o -> o.bucket(long1).key("k"))));
            assertEquals(one(pattern("my bucket", S3 + ".bucket", "[0-9A-Za-z\\.\\-_]*")),
                    error(() -> createDataset(o -> o.bucket("my bucket").key("k"))));
        }

        @Test
        void keyIsRequired1To1024AndPatterned() {
            String keyPattern = "^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$";
            assertEquals(one(nullAt(S3 + ".key")), error(() -> createDataset(o -> o.bucket("abc"))));
            assertEquals(one(tooShort("", S3 + ".key", 1)), error(() -> createDataset(o -> o.bucket("abc").key(""))));
            String long1 = "k".repeat(1025);
            assertEquals(one(tooLong(long1, S3 + ".key", 1024)),
                    error(() -> createDataset(o -> o.bucket("abc").key(long1))));
            assertEquals(one(pattern("/a", S3 + ".key", keyPattern)),
                    error(() -> createDataset(o -> o.bucket("abc").key("/a"))));
            assertEquals(one(pattern("a b", S3 + ".key", keyPattern)),
                    error(() -> createDataset(o -> o.bucket("abc").key("a b"))));
        }

        @Test
        void versionIdIsOptional1To1024() {
            assertDoesNotThrow(() -> createDataset(o -> o.bucket("abc").key("k")));
            assertEquals(one(tooShort("", S3 + ".versionId", 1)),
                    error(() -> createDataset(o -> o.bucket("abc").key("k").versionId(""))));
            String long1 = "v".repeat(1025);
            assertEquals(one(tooLong(long1, S3 + ".versionId", 1024)),
                    error(() -> createDataset(o -> o.bucket("abc").key("k").versionId(long1))));
        }
    }

    @Nested
    class Lists {
        @Test
        void neverNull() {
            assertEquals(List.of(), ListProjectsResponse.builder().build().projects());
            assertEquals(List.of(), ListDatasetEntriesResponse.builder().build().datasetEntries());
            assertEquals(List.of(), ProjectDescription.builder().build().datasets());
            assertEquals(List.of(), new ListProjectsResponse(null, null).projects());
            assertEquals(List.of(), ListProjectsResponse.builder().projects((List<ProjectMetadata>) null).build()
                    .projects());
        }

        @Test
        void copiesAreImmutable() {
            List<String> entries = new ArrayList<>(List.of("{\"source-ref\":\"s3://b/1.jpg\"}"));
            ListDatasetEntriesResponse r = ListDatasetEntriesResponse.builder().datasetEntries(entries).build();
            entries.add("{}");
            assertEquals(1, r.datasetEntries().size());
            assertThrows(UnsupportedOperationException.class, () -> r.datasetEntries().add("{}"));

            List<ProjectMetadata> projects = new ArrayList<>();
            projects.add(ProjectMetadata.builder().projectName("p").build());
            ListProjectsResponse direct = new ListProjectsResponse(projects, null);
            projects.clear();
            assertEquals(1, direct.projects().size());
            assertThrows(UnsupportedOperationException.class, direct.projects()::clear);

            ProjectDescription d = ProjectDescription.builder().datasets(DatasetMetadata.builder().build()).build();
            assertThrows(UnsupportedOperationException.class, () -> d.datasets().remove(0));
        }

        @Test
        void varargsSetters() {
            assertEquals(List.of("a", "b"),
                    ListDatasetEntriesResponse.builder().datasetEntries("a", "b").build().datasetEntries());
            ProjectMetadata p = ProjectMetadata.builder().projectName("p").build();
            assertEquals(List.of(p), ListProjectsResponse.builder().projects(p).build().projects());
        }
    }

    @Nested
    class Statuses {
        @Test
        void unknownValueIsUnknownToSdkVersion() {
            UpdateDatasetEntriesResponse r = UpdateDatasetEntriesResponse.builder().status("REVIVED").build();
            assertEquals(DatasetStatus.UNKNOWN_TO_SDK_VERSION, r.status());
            assertEquals(DatasetStatus.UNKNOWN_TO_SDK_VERSION,
                    DatasetMetadata.builder().status("REVIVED").build().status());
            assertEquals(DatasetStatus.UNKNOWN_TO_SDK_VERSION,
                    DatasetDescription.builder().status("REVIVED").build().status());
        }

        @Test
        void knownValueByStringOrEnum() {
            UpdateDatasetEntriesResponse r = UpdateDatasetEntriesResponse.builder().status("UPDATE_IN_PROGRESS")
                    .build();
            assertEquals(DatasetStatus.UPDATE_IN_PROGRESS, r.status());
            assertEquals("UPDATE_IN_PROGRESS", r.statusAsString());
            DatasetMetadata m = DatasetMetadata.builder().status(DatasetStatus.CREATE_COMPLETE).build();
            assertEquals("CREATE_COMPLETE", m.statusAsString());
            DatasetDescription d = DatasetDescription.builder().status("DELETE_FAILED").build();
            assertEquals(DatasetStatus.DELETE_FAILED, d.status());
            assertEquals("DELETE_FAILED", d.statusAsString());
        }

        @Test
        void absentStatusIsNull() {
            assertNull(UpdateDatasetEntriesResponse.builder().build().status());
            assertNull(UpdateDatasetEntriesResponse.builder().build().statusAsString());
            assertNull(DatasetMetadata.builder().status((String) null).build().statusAsString());
        }
    }

    @Nested
    class Builders {
        private final Instant t = Instant.parse("2024-05-01T12:00:00Z");

        private DatasetMetadata metadata() {
            return DatasetMetadata.builder().datasetType("train").creationTimestamp(t)
                    .status(DatasetStatus.CREATE_COMPLETE).statusMessage("Dataset created").build();
        }

        @Test
        void nestedConsumerSettersBuildTheValue() {
            DescribeDatasetResponse r = DescribeDatasetResponse.builder().datasetDescription(d -> d.projectName("p")
                    .imageStats(s -> s.total(3).labeled(2).normal(1).anomaly(1))).build();
            assertEquals(DatasetImageStats.builder().total(3).labeled(2).normal(1).anomaly(1).build(),
                    r.datasetDescription().imageStats());
            CreateDatasetResponse c = CreateDatasetResponse.builder().datasetMetadata(m -> m.datasetType("train")
                    .creationTimestamp(t).status("CREATE_COMPLETE").statusMessage("Dataset created")).build();
            assertEquals(metadata(), c.datasetMetadata());
            DescribeProjectResponse p = DescribeProjectResponse.builder()
                    .projectDescription(d -> d.projectName("p").datasets(metadata())).build();
            assertEquals(List.of(metadata()), p.projectDescription().datasets());
        }

        @Test
        void toBuilderBuildsAnEqualValue() {
            List<Object> values = List.of(
                    ProjectDescription.builder().projectArn("arn:aws:lookoutvision:us-east-1:1:project/p")
                            .projectName("p").creationTimestamp(t).datasets(metadata()).build(),
                    metadata(),
                    DatasetDescription.builder().projectName("p").datasetType("test").creationTimestamp(t)
                            .lastUpdatedTimestamp(t.plusSeconds(1)).status("UPDATE_COMPLETE").statusMessage("ok")
                            .imageStats(s -> s.total(2).labeled(2).normal(1).anomaly(1)).build(),
                    DatasetImageStats.builder().total(4).labeled(3).normal(2).anomaly(1).build(),
                    InputS3Object.builder().bucket("abc").key("k").versionId("v").build(),
                    DatasetGroundTruthManifest.builder().s3Object(o -> o.bucket("abc").key("k")).build(),
                    DatasetSource.builder().groundTruthManifest(g -> g.s3Object(o -> o.bucket("abc").key("k")))
                            .build(),
                    DescribeProjectRequest.builder().projectName("p").build(),
                    ListProjectsRequest.builder().nextToken("abc=").maxResults(10).build(),
                    DeleteProjectRequest.builder().projectName("p").clientToken("tok-1").build(),
                    createDataset(o -> o.bucket("abc").key("k")).toBuilder().clientToken("tok").build(),
                    DescribeDatasetRequest.builder().projectName("p").datasetType("train").build(),
                    DeleteDatasetRequest.builder().projectName("p").datasetType("test").clientToken("tok").build(),
                    UpdateDatasetEntriesRequest.builder().projectName("p").datasetType("train")
                            .changes(SdkBytes.fromUtf8String("{}\n")).clientToken("tok").build(),
                    ListDatasetEntriesRequest.builder().projectName("p").datasetType("train").labeled(false)
                            .anomalyClass("anomaly").beforeCreationDate(t).afterCreationDate(t.minusSeconds(60))
                            .nextToken("n").maxResults(5).sourceRefContains("jpg").build(),
                    DescribeProjectResponse.builder().projectDescription(d -> d.projectName("p")).build(),
                    ListProjectsResponse.builder().projects(ProjectMetadata.builder().projectName("p").build())
                            .nextToken("n").build(),
                    DeleteProjectResponse.builder().projectArn("arn:aws:lookoutvision:us-east-1:1:project/p").build(),
                    CreateDatasetResponse.builder().datasetMetadata(metadata()).build(),
                    DescribeDatasetResponse.builder().datasetDescription(d -> d.projectName("p")).build(),
                    DeleteDatasetResponse.builder().build(),
                    UpdateDatasetEntriesResponse.builder().status(DatasetStatus.UPDATE_IN_PROGRESS).build(),
                    ListDatasetEntriesResponse.builder().datasetEntries("{}", "{}").nextToken("n").build());
            for (Object v : values) {
                Object copy = rebuild(v);
                assertEquals(v, copy, v.getClass().getSimpleName());
                assertNotSame(v, copy);
            }
            assertEquals(new DeleteDatasetResponse(), DeleteDatasetResponse.builder().build().toBuilder().build());
        }

        private Object rebuild(Object v) {
            try {
                Object builder = v.getClass().getMethod("toBuilder").invoke(v);
                return builder.getClass().getMethod("build").invoke(builder);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Bytes {
        @Test
        void copiesInAndOut() {
            byte[] in = {1, 2, 3};
            SdkBytes b = SdkBytes.fromByteArray(in);
            in[0] = 9;
            assertArrayEquals(new byte[] {1, 2, 3}, b.asByteArray());
            byte[] out = b.asByteArray();
            out[1] = 9;
            assertArrayEquals(new byte[] {1, 2, 3}, b.asByteArray());
            assertNotSame(b.asByteArray(), b.asByteArray());
        }

        @Test
        void equalByContent() {
            SdkBytes a = SdkBytes.fromByteArray("héllo".getBytes(StandardCharsets.UTF_8));
            SdkBytes b = SdkBytes.fromUtf8String("héllo");
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, SdkBytes.fromUtf8String("hello"));
            assertEquals("héllo", a.asUtf8String());
            assertEquals(6, a.length());
        }

        @Test
        void toStringHasTheLengthNotTheBytes() {
            SdkBytes b = SdkBytes.fromUtf8String("secret");
            assertTrue(b.toString().contains("6 bytes"), b.toString());
            assertTrue(!b.toString().contains("secret"), b.toString());
            assertEquals(b.toString(), SdkBytes.fromUtf8String("secret").toString());
        }
    }
}
