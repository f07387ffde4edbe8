package dev.loupe.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The constraints of the model, hosting, packaging and tagging requests, in the service's words, and
 * their types' conventions.
 */
class ModelRequestValidationTest {
    private static final String PROJECT_NAME_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9_\\-]*";
    private static final String VERSION_PATTERN = "([1-9][0-9]*|latest)";
    private static final String VERSION_NO_LATEST_PATTERN = "([1-9][0-9]*)";
    private static final String TOKEN_PATTERN = "^[a-zA-Z0-9-]+$";
    private static final String PAGE_TOKEN_PATTERN = "^[a-zA-Z0-9\\/\\+\\=]{0,2048}$";
    private static final String DESCRIPTION_PATTERN = "[0-9A-Za-z\\.\\-_]*";
    private static final String KMS_PATTERN = "^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$";
    private static final String BUCKET_PATTERN = "[0-9A-Za-z\\.\\-_]*";
    private static final String PREFIX_PATTERN = "^([a-zA-Z0-9!_.*'()-][/a-zA-Z0-9!_.*'()-]*)?$";
    private static final String TAG_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";
    private static final String JOB_NAME_PATTERN = "[a-zA-Z0-9-]+";
    private static final String JOB_DESCRIPTION_PATTERN = "[a-zA-Z0-9-_. ()':,;?]+";
    private static final String COMPONENT_NAME_PATTERN = "[a-zA-Z0-9-_.]+";
    private static final String COMPONENT_VERSION_PATTERN = "^([0-9]{1,6})\\.([0-9]{1,6})\\.([0-9]{1,6})$";
    private static final String GG = "configuration.greengrass";
    private static final String ARN = "arn:aws:lookoutvision:us-east-1:123456789012:model/p/1";

    /** The message of the {@link ValidationException} that {@code e} must throw. */
    private static String error(Executable e) {
        return assertThrows(ValidationException.class, e).getMessage();
    }

    private static String one(String detail) {
        return "1 validation error detected: " + detail;
    }

    private static String two(String first, String second) {
        return "2 validation errors detected: " + first + "; " + second;
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

    private static String below(Object value, String field, long min) {
        return at(value, field, "Member must have value greater than or equal to " + min);
    }

    private static String above(Object value, String field, long max) {
        return at(value, field, "Member must have value less than or equal to " + max);
    }

    private static CreateModelRequest.Builder createModel() {
        return CreateModelRequest.builder().projectName("p")
                .outputConfig(o -> o.s3Location(s -> s.bucket("out").prefix("models/")));
    }

    private static CreateModelRequest createModelTagged(Tag... tags) {
        return createModel().tags(tags).build();
    }

    private static CreateModelRequest createModelAt(Consumer<S3Location.Builder> s3Location) {
        return CreateModelRequest.builder().projectName("p").outputConfig(o -> o.s3Location(s3Location)).build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static StartModelRequest.Builder startModel() {
        return StartModelRequest.builder().projectName("p").modelVersion("1").minInferenceUnits(1);
    }

    private static DetectAnomaliesRequest.Builder detect() {
        return DetectAnomaliesRequest.builder().projectName("p").modelVersion("1").contentType("image/png");
    }

    /** A packaging request whose Greengrass configuration is {@code greengrass} on top of a valid one. */
    private static StartModelPackagingJobRequest packaging(Consumer<GreengrassConfiguration.Builder> greengrass) {
        return StartModelPackagingJobRequest.builder().projectName("p").modelVersion("1")
                .configuration(c -> c.greengrass(g -> {
                    g.targetDevice(TargetDevice.JETSON_XAVIER).s3OutputLocation(s -> s.bucket("out"))
                            .componentName("board-model");
                    greengrass.accept(g);
                })).build();
    }

    private static StartModelPackagingJobRequest.Builder packagingJob() {
        return StartModelPackagingJobRequest.builder().projectName("p").modelVersion("1")
                .configuration(c -> c.greengrass(g -> g.targetDevice("jetson_xavier")
                        .s3OutputLocation(s -> s.bucket("out")).componentName("board-model")));
    }

    private static StartModelPackagingJobRequest onPlatform(Consumer<TargetPlatform.Builder> platform) {
        return packaging(g -> g.targetDevice((String) null).targetPlatform(platform));
    }

    private static Object rebuild(Object v) {
        try {
            Object builder = v.getClass().getMethod("toBuilder").invoke(v);
            return builder.getClass().getMethod("build").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- project name and model version

    @Test
    void projectNameIsRequiredEverywhere() {
        assertEquals(one(nullAt("projectName")), error(() -> CreateModelRequest.builder()
                .outputConfig(o -> o.s3Location(s -> s.bucket("out"))).build()));
        assertEquals(one(nullAt("projectName")),
                error(() -> DescribeModelRequest.builder().modelVersion("1").build()));
        assertEquals(one(nullAt("projectName")), error(() -> ListModelsRequest.builder().build()));
        assertEquals(one(nullAt("projectName")), error(() -> DeleteModelRequest.builder().modelVersion("1").build()));
        assertEquals(one(nullAt("projectName")),
                error(() -> StartModelRequest.builder().modelVersion("1").minInferenceUnits(1).build()));
        assertEquals(one(nullAt("projectName")), error(() -> StopModelRequest.builder().modelVersion("1").build()));
        assertEquals(one(nullAt("projectName")), error(() -> detect().projectName(null).build()));
        assertEquals(one(nullAt("projectName")), error(() -> packagingJob().projectName(null).build()));
        assertEquals(one(nullAt("projectName")),
                error(() -> DescribeModelPackagingJobRequest.builder().jobName("j").build()));
        assertEquals(one(nullAt("projectName")), error(() -> ListModelPackagingJobsRequest.builder().build()));
    }

    @Test
    void projectNameIsPatternedAndOneTo255() {
        assertEquals(one(pattern("a b", "projectName", PROJECT_NAME_PATTERN)),
                error(() -> ListModelsRequest.builder().projectName("a b").build()));
        assertEquals(one(pattern("_p", "projectName", PROJECT_NAME_PATTERN)),
                error(() -> DescribeModelRequest.builder().projectName("_p").modelVersion("1").build()));
        String long1 = "a".repeat(256);
        assertEquals(one(tooLong(long1, "projectName", 255)),
                error(() -> ListModelPackagingJobsRequest.builder().projectName(long1).build()));
        assertDoesNotThrow(() -> ListModelsRequest.builder().projectName("a".repeat(255)).build());
        assertDoesNotThrow(() -> ListModelsRequest.builder().projectName("Circuit_boards-2").build());
    }

    @Test
    void modelVersionIsRequired() {
        assertEquals(one(nullAt("modelVersion")), error(() -> DescribeModelRequest.builder().projectName("p").build()));
        assertEquals(one(nullAt("modelVersion")), error(() -> DeleteModelRequest.builder().projectName("p").build()));
        assertEquals(one(nullAt("modelVersion")), error(() -> startModel().modelVersion(null).build()));
        assertEquals(one(nullAt("modelVersion")), error(() -> StopModelRequest.builder().projectName("p").build()));
        assertEquals(one(nullAt("modelVersion")), error(() -> detect().modelVersion(null).build()));
        assertEquals(one(nullAt("modelVersion")), error(() -> packagingJob().modelVersion(null).build()));
    }

    @Test
    void modelVersionIsANumberOrLatest() {
        for (String ok : List.of("1", "12", "latest", "1234567890")) {
            assertEquals(ok, DescribeModelRequest.builder().projectName("p").modelVersion(ok).build().modelVersion());
            assertDoesNotThrow(() -> startModel().modelVersion(ok).build());
            assertDoesNotThrow(() -> StopModelRequest.builder().projectName("p").modelVersion(ok).build());
            assertDoesNotThrow(() -> detect().modelVersion(ok).build());
            assertDoesNotThrow(() -> packagingJob().modelVersion(ok).build());
        }
        for (String bad : List.of("0", "01", "v1", "LATEST", "1.0", "-1")) {
            assertEquals(one(pattern(bad, "modelVersion", VERSION_PATTERN)),
                    error(() -> DescribeModelRequest.builder().projectName("p").modelVersion(bad).build()), bad);
        }
        assertEquals(one(pattern("x", "modelVersion", VERSION_PATTERN)),
                error(() -> startModel().modelVersion("x").build()));
        assertEquals(one(pattern("x", "modelVersion", VERSION_PATTERN)),
                error(() -> StopModelRequest.builder().projectName("p").modelVersion("x").build()));
        assertEquals(one(pattern("x", "modelVersion", VERSION_PATTERN)),
                error(() -> detect().modelVersion("x").build()));
        assertEquals(one(pattern("x", "modelVersion", VERSION_PATTERN)),
                error(() -> packagingJob().modelVersion("x").build()));
        assertEquals(one(tooLong("12345678901", "modelVersion", 10)),
                error(() -> DescribeModelRequest.builder().projectName("p").modelVersion("12345678901").build()));
        assertEquals(two(tooShort("", "modelVersion", 1), pattern("", "modelVersion", VERSION_PATTERN)),
                error(() -> DescribeModelRequest.builder().projectName("p").modelVersion("").build()));
    }

    @Test
    void deleteModelRefusesLatest() {
        assertEquals("1 validation error detected: Value 'latest' at 'modelVersion' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ([1-9][0-9]*)",
                error(() -> DeleteModelRequest.builder().projectName("p").modelVersion("latest").build()));
        assertEquals(one(pattern("0", "modelVersion", VERSION_NO_LATEST_PATTERN)),
                error(() -> DeleteModelRequest.builder().projectName("p").modelVersion("0").build()));
        assertEquals(one(tooLong("12345678901", "modelVersion", 10)),
                error(() -> DeleteModelRequest.builder().projectName("p").modelVersion("12345678901").build()));
        assertDoesNotThrow(() -> DeleteModelRequest.builder().projectName("p").modelVersion("3").build());
        assertDoesNotThrow(() -> DescribeModelRequest.builder().projectName("p").modelVersion("latest").build());
    }

    // ---------------------------------------------------------------- client token and pagination

    @Test
    void clientTokenIsOptionalOneTo64AndPatterned() {
        String long1 = "a".repeat(65);
        assertNull(createModel().build().clientToken());
        assertDoesNotThrow(() -> createModel().clientToken("a".repeat(64)).build());
        assertEquals(one(tooLong(long1, "clientToken", 64)), error(() -> createModel().clientToken(long1).build()));
        assertEquals(one(pattern("a_b", "clientToken", TOKEN_PATTERN)), error(() -> DeleteModelRequest.builder()
                .projectName("p").modelVersion("1").clientToken("a_b").build()));
        assertEquals(one(pattern("a b", "clientToken", TOKEN_PATTERN)),
                error(() -> startModel().clientToken("a b").build()));
        assertEquals(two(tooShort("", "clientToken", 1), pattern("", "clientToken", TOKEN_PATTERN)),
                error(() -> StopModelRequest.builder().projectName("p").modelVersion("1").clientToken("").build()));
        assertEquals(one(pattern("a.b", "clientToken", TOKEN_PATTERN)),
                error(() -> packagingJob().clientToken("a.b").build()));
        assertDoesNotThrow(() -> packagingJob().clientToken("123e4567-e89b-12d3-a456-426614174000").build());
    }

    @Test
    void nextTokenIsZeroTo2048AndPatterned() {
        assertDoesNotThrow(() -> ListModelsRequest.builder().projectName("p").nextToken("").build());
        assertDoesNotThrow(() -> ListModelsRequest.builder().projectName("p").nextToken("a".repeat(2048)).build());
        assertDoesNotThrow(() -> ListModelPackagingJobsRequest.builder().projectName("p").nextToken("aB3/+=").build());
        String long1 = "a".repeat(2049);
        assertEquals(two(tooLong(long1, "nextToken", 2048), pattern(long1, "nextToken", PAGE_TOKEN_PATTERN)),
                error(() -> ListModelsRequest.builder().projectName("p").nextToken(long1).build()));
        assertEquals(one(pattern("a-b", "nextToken", PAGE_TOKEN_PATTERN)),
                error(() -> ListModelPackagingJobsRequest.builder().projectName("p").nextToken("a-b").build()));
    }

    @Test
    void maxResultsIsOneTo100() {
        assertEquals(one(below(0, "maxResults", 1)),
                error(() -> ListModelsRequest.builder().projectName("p").maxResults(0).build()));
        assertEquals(one(above(101, "maxResults", 100)),
                error(() -> ListModelsRequest.builder().projectName("p").maxResults(101).build()));
        assertEquals(one(below(0, "maxResults", 1)),
                error(() -> ListModelPackagingJobsRequest.builder().projectName("p").maxResults(0).build()));
        assertEquals(one(above(101, "maxResults", 100)),
                error(() -> ListModelPackagingJobsRequest.builder().projectName("p").maxResults(101).build()));
        assertEquals(1, ListModelsRequest.builder().projectName("p").maxResults(1).build().maxResults());
        assertEquals(100,
                ListModelPackagingJobsRequest.builder().projectName("p").maxResults(100).build().maxResults());
        assertNull(ListModelsRequest.builder().projectName("p").build().maxResults());
    }

    // ---------------------------------------------------------------- CreateModel

    @Test
    void createModelNeedsProjectAndOutputConfig() {
        assertEquals(two(nullAt("projectName"), nullAt("outputConfig")),
                error(() -> CreateModelRequest.builder().build()));
        assertEquals(one(nullAt("outputConfig.s3Location")),
                error(() -> CreateModelRequest.builder().projectName("p").outputConfig(o -> { }).build()));
        assertDoesNotThrow(() -> createModel().build());
    }

    @Test
    void descriptionIsOneTo500WithoutSpaces() {
        assertEquals("1 validation error detected: Value 'my model' at 'description' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [0-9A-Za-z\\.\\-_]*",
                error(() -> createModel().description("my model").build()));
        assertEquals(one(pattern("v1!", "description", DESCRIPTION_PATTERN)),
                error(() -> createModel().description("v1!").build()));
        assertEquals(one(tooShort("", "description", 1)), error(() -> createModel().description("").build()));
        String long1 = "d".repeat(501);
        assertEquals(one(tooLong(long1, "description", 500)), error(() -> createModel().description(long1).build()));
        assertDoesNotThrow(() -> createModel().description("d".repeat(500)).build());
        assertDoesNotThrow(() -> createModel().description("first-model_v1.0").build());
    }

    @Test
    void kmsKeyIdIsOneTo2048AndPatterned() {
        assertDoesNotThrow(() -> createModel().kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab")
                .build());
        assertDoesNotThrow(() -> createModel().kmsKeyId("alias/my-key").build());
        assertDoesNotThrow(() -> createModel().kmsKeyId("k".repeat(2048)).build());
        assertEquals(one(pattern("-key", "kmsKeyId", KMS_PATTERN)),
                error(() -> createModel().kmsKeyId("-key").build()));
        assertEquals(one(pattern("a key", "kmsKeyId", KMS_PATTERN)),
                error(() -> createModel().kmsKeyId("a key").build()));
        assertEquals(two(tooShort("", "kmsKeyId", 1), pattern("", "kmsKeyId", KMS_PATTERN)),
                error(() -> createModel().kmsKeyId("").build()));
        String long1 = "k".repeat(2049);
        assertEquals(one(tooLong(long1, "kmsKeyId", 2048)), error(() -> createModel().kmsKeyId(long1).build()));
    }

    @Test
    void outputBucketIsRequired3To63AndPatterned() {
        String bucket = "outputConfig.s3Location.bucket";
        assertEquals(one(nullAt(bucket)), error(() -> createModelAt(s -> s.prefix("m/"))));
        assertEquals(one(tooShort("ab", bucket, 3)), error(() -> createModelAt(s -> s.bucket("ab"))));
        String long1 = "b".repeat(64);
        assertEquals(one(tooLong(long1, bucket, 63)), error(() -> createModelAt(s -> s.bucket(long1))));
        assertEquals(one(pattern("my bucket", bucket, BUCKET_PATTERN)),
                error(() -> createModelAt(s -> s.bucket("my bucket"))));
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("b".repeat(63))));
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("my-bucket.1_a")));
    }

    @Test
    void outputPrefixIsOptionalZeroTo1024AndPatterned() {
        String prefix = "outputConfig.s3Location.prefix";
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("out")));
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("out").prefix("")));
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("out").prefix("a/b/c/")));
        assertDoesNotThrow(() -> createModelAt(s -> s.bucket("out").prefix("p".repeat(1024))));
        String long1 = "p".repeat(1025);
        assertEquals(one(tooLong(long1, prefix, 1024)), error(() -> createModelAt(s -> s.bucket("out").prefix(long1))));
        assertEquals(one(pattern("/models", prefix, PREFIX_PATTERN)),
                error(() -> createModelAt(s -> s.bucket("out").prefix("/models"))));
        assertEquals(one(pattern("a b", prefix, PREFIX_PATTERN)),
                error(() -> createModelAt(s -> s.bucket("out").prefix("a b"))));
    }

    @Test
    void nestedErrorsComeAfterTheRequestsOwn() {
        assertEquals(two(pattern("a_b", "clientToken", TOKEN_PATTERN),
                        tooShort("b", "outputConfig.s3Location.bucket", 3)),
                error(() -> CreateModelRequest.builder().projectName("p").clientToken("a_b")
                        .outputConfig(o -> o.s3Location(s -> s.bucket("b"))).build()));
    }

    // ---------------------------------------------------------------- tags

    @Test
    void tagKeyWithABadCharacterIsRefused() {
        assertEquals("1 validation error detected: Value 'a#b' at 'tags.member.key' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
                error(() -> createModelTagged(tag("a#b", "v"))));
        assertEquals(one(pattern("a*b", "tags.member.value", TAG_PATTERN)),
                error(() -> createModelTagged(tag("k", "a*b"))));
        assertDoesNotThrow(() -> createModelTagged(tag("env:prod/line_3", "héllo wörld +1 @x"), tag("k", "")));
    }

    @Test
    void tagKeyIsRequiredOneTo128AndValueZeroTo256() {
        String key129 = "k".repeat(129);
        String value257 = "v".repeat(257);
        assertEquals(one(nullAt("tags.member.key")), error(() -> createModelTagged(tag(null, "v"))));
        assertEquals(one(nullAt("tags.member.value")), error(() -> createModelTagged(tag("k", null))));
        assertEquals(one(tooShort("", "tags.member.key", 1)), error(() -> createModelTagged(tag("", "v"))));
        assertEquals(one(tooLong(key129, "tags.member.key", 128)), error(() -> createModelTagged(tag(key129, "v"))));
        assertEquals(one(tooLong(value257, "tags.member.value", 256)),
                error(() -> createModelTagged(tag("k", value257))));
        assertDoesNotThrow(() -> createModelTagged(tag("k".repeat(128), "v".repeat(256))));
    }

    @Test
    void atMost200Tags() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tags.add(tag("k" + i, "v"));
        }
        List<Tag> copy = List.copyOf(tags);
        assertEquals(one(tooLong(copy, "tags", 200)), error(() -> createModel().tags(copy).build()));
        assertEquals(one(tooLong(copy, "tags", 200)),
                error(() -> TagResourceRequest.builder().resourceArn(ARN).tags(copy).build()));
        assertDoesNotThrow(() -> createModel().tags(tags.subList(0, 200)).build());
        assertDoesNotThrow(() -> TagResourceRequest.builder().resourceArn(ARN).tags(tags.subList(0, 200)).build());
    }

    @Test
    void tagResourceNeedsArnAndTags() {
        assertEquals(two(nullAt("resourceArn"), nullAt("tags")), error(() -> TagResourceRequest.builder().build()));
        assertEquals(one(nullAt("tags")), error(() -> TagResourceRequest.builder().resourceArn(ARN).build()));
        assertEquals(one(nullAt("tags")),
                error(() -> TagResourceRequest.builder().resourceArn(ARN).tags((List<Tag>) null).build()));
        assertEquals(one(nullAt("tags")), error(() -> new TagResourceRequest(ARN, null)));
        assertEquals(List.of(), TagResourceRequest.builder().resourceArn(ARN).tags(List.of()).build().tags());
        assertEquals(one(pattern("a#b", "tags.member.key", TAG_PATTERN)),
                error(() -> TagResourceRequest.builder().resourceArn(ARN).tags(tag("a#b", "v")).build()));
        assertEquals(one(nullAt("tags.member")),
                error(() -> new TagResourceRequest(ARN, Collections.singletonList(null))));
    }

    @Test
    void resourceArnIsRequiredOneTo1011() {
        String long1 = "a".repeat(1012);
        assertEquals(one(nullAt("resourceArn")), error(() -> ListTagsForResourceRequest.builder().build()));
        assertEquals(one(tooShort("", "resourceArn", 1)),
                error(() -> ListTagsForResourceRequest.builder().resourceArn("").build()));
        assertEquals(one(tooLong(long1, "resourceArn", 1011)),
                error(() -> ListTagsForResourceRequest.builder().resourceArn(long1).build()));
        assertEquals(one(tooLong(long1, "resourceArn", 1011)),
                error(() -> TagResourceRequest.builder().resourceArn(long1).tags(List.of()).build()));
        assertEquals(one(tooLong(long1, "resourceArn", 1011)),
                error(() -> UntagResourceRequest.builder().resourceArn(long1).tagKeys("k").build()));
        assertDoesNotThrow(() -> ListTagsForResourceRequest.builder().resourceArn("a".repeat(1011)).build());
        assertDoesNotThrow(() -> ListTagsForResourceRequest.builder().resourceArn("any thing").build());
    }

    @Test
    void untagResourceNeedsArnAndKeys() {
        assertEquals(two(nullAt("resourceArn"), nullAt("tagKeys")),
                error(() -> UntagResourceRequest.builder().build()));
        assertEquals(one(nullAt("tagKeys")), error(() -> UntagResourceRequest.builder().resourceArn(ARN).build()));
        assertEquals(List.of(), UntagResourceRequest.builder().resourceArn(ARN).tagKeys(List.of()).build().tagKeys());
        assertEquals(one(pattern("a#b", "tagKeys.member", TAG_PATTERN)),
                error(() -> UntagResourceRequest.builder().resourceArn(ARN).tagKeys("ok", "a#b").build()));
        assertEquals(one(tooShort("", "tagKeys.member", 1)),
                error(() -> UntagResourceRequest.builder().resourceArn(ARN).tagKeys("").build()));
        String long1 = "k".repeat(129);
        assertEquals(one(tooLong(long1, "tagKeys.member", 128)),
                error(() -> UntagResourceRequest.builder().resourceArn(ARN).tagKeys(long1).build()));
        assertEquals(one(nullAt("tagKeys.member")),
                error(() -> new UntagResourceRequest(ARN, Collections.singletonList(null))));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            keys.add("k" + i);
        }
        List<String> copy = List.copyOf(keys);
        assertEquals(one(tooLong(copy, "tagKeys", 200)),
                error(() -> UntagResourceRequest.builder().resourceArn(ARN).tagKeys(copy).build()));
        assertDoesNotThrow(() -> UntagResourceRequest.builder().resourceArn(ARN).tagKeys(keys.subList(0, 200)).build());
    }

    // ---------------------------------------------------------------- StartModel

    @Test
    void minInferenceUnitsIsRequiredAndAtLeastOne() {
        assertEquals(one(nullAt("minInferenceUnits")), error(() -> startModel().minInferenceUnits(null).build()));
        assertEquals(one(below(0, "minInferenceUnits", 1)), error(() -> startModel().minInferenceUnits(0).build()));
        assertEquals(one(below(-1, "minInferenceUnits", 1)), error(() -> startModel().minInferenceUnits(-1).build()));
        assertEquals(Integer.MAX_VALUE,
                startModel().minInferenceUnits(Integer.MAX_VALUE).build().minInferenceUnits());
    }

    @Test
    void maxInferenceUnitsIsOptionalAndNotBelowMin() {
        assertNull(startModel().build().maxInferenceUnits());
        assertDoesNotThrow(() -> startModel().minInferenceUnits(2).maxInferenceUnits(2).build());
        assertDoesNotThrow(() -> startModel().minInferenceUnits(2).maxInferenceUnits(5).build());
        assertEquals("1 validation error detected: Value '2' at 'maxInferenceUnits' failed to satisfy constraint: "
                        + "Member must be greater than or equal to minInferenceUnits (3)",
                error(() -> startModel().minInferenceUnits(3).maxInferenceUnits(2).build()));
        assertEquals(two(below(0, "maxInferenceUnits", 1),
                        at(0, "maxInferenceUnits", "Member must be greater than or equal to minInferenceUnits (1)")),
                error(() -> startModel().maxInferenceUnits(0).build()));
        assertEquals(one(nullAt("minInferenceUnits")),
                error(() -> startModel().minInferenceUnits(null).maxInferenceUnits(1).build()));
    }

    // ---------------------------------------------------------------- DetectAnomalies

    @Test
    void detectAnomaliesNeedsAllThree() {
        assertEquals("3 validation errors detected: " + nullAt("projectName") + "; " + nullAt("modelVersion") + "; "
                        + nullAt("contentType"),
                error(() -> DetectAnomaliesRequest.builder().build()));
        assertEquals(one(nullAt("contentType")), error(() -> detect().contentType(null).build()));
    }

    @Test
    void contentTypeIsOneTo255() {
        assertDoesNotThrow(() -> detect().contentType("image/jpeg").build());
        assertDoesNotThrow(() -> detect().contentType("c".repeat(255)).build());
        assertEquals(one(tooShort("", "contentType", 1)), error(() -> detect().contentType("").build()));
        String long1 = "c".repeat(256);
        assertEquals(one(tooLong(long1, "contentType", 255)), error(() -> detect().contentType(long1).build()));
    }

    // ---------------------------------------------------------------- model packaging

    @Test
    void packagingJobNeedsProjectVersionAndConfiguration() {
        assertEquals("3 validation errors detected: " + nullAt("projectName") + "; " + nullAt("modelVersion") + "; "
                        + nullAt("configuration"),
                error(() -> StartModelPackagingJobRequest.builder().build()));
        assertEquals(one(nullAt(GG)), error(() -> packagingJob().configuration(c -> { }).build()));
        assertEquals(two(nullAt(GG + ".s3OutputLocation"), nullAt(GG + ".componentName")),
                error(() -> packagingJob().configuration(c -> c.greengrass(g -> { })).build()));
        assertEquals(one(nullAt(GG + ".s3OutputLocation.bucket")),
                error(() -> packaging(g -> g.s3OutputLocation(s -> s.prefix("c/")))));
        assertEquals(one(pattern("/c", GG + ".s3OutputLocation.prefix", PREFIX_PATTERN)),
                error(() -> packaging(g -> g.s3OutputLocation(s -> s.bucket("out").prefix("/c")))));
        assertDoesNotThrow(() -> packagingJob().build());
    }

    @Test
    void jobNameIsOptionalOneTo64AndPatterned() {
        assertNull(packagingJob().build().jobName());
        assertDoesNotThrow(() -> packagingJob().jobName("job-1").build());
        assertDoesNotThrow(() -> packagingJob().jobName("j".repeat(64)).build());
        assertEquals(one(pattern("job_1", "jobName", JOB_NAME_PATTERN)),
                error(() -> packagingJob().jobName("job_1").build()));
        String long1 = "j".repeat(65);
        assertEquals(one(tooLong(long1, "jobName", 64)), error(() -> packagingJob().jobName(long1).build()));
        assertEquals(two(tooShort("", "jobName", 1), pattern("", "jobName", JOB_NAME_PATTERN)),
                error(() -> packagingJob().jobName("").build()));
    }

    @Test
    void describePackagingJobNeedsItsName() {
        assertEquals(one(nullAt("jobName")), error(() -> DescribeModelPackagingJobRequest.builder().projectName("p")
                .build()));
        assertEquals(one(pattern("a b", "jobName", JOB_NAME_PATTERN)),
                error(() -> DescribeModelPackagingJobRequest.builder().projectName("p").jobName("a b").build()));
        assertDoesNotThrow(() -> DescribeModelPackagingJobRequest.builder().projectName("p").jobName("job-1").build());
    }

    @Test
    void jobDescriptionIsOneTo256AndPatterned() {
        assertDoesNotThrow(() -> packagingJob().description("Packaged (v1): ok? yes; it's fine.").build());
        assertDoesNotThrow(() -> packagingJob().description("d".repeat(256)).build());
        assertEquals(one(pattern("a/b", "description", JOB_DESCRIPTION_PATTERN)),
                error(() -> packagingJob().description("a/b").build()));
        String long1 = "d".repeat(257);
        assertEquals(one(tooLong(long1, "description", 256)), error(() -> packagingJob().description(long1).build()));
        assertEquals(two(tooShort("", "description", 1), pattern("", "description", JOB_DESCRIPTION_PATTERN)),
                error(() -> packagingJob().description("").build()));
    }

    @Test
    void componentNameVersionAndDescriptionArePatterned() {
        assertDoesNotThrow(() -> packaging(g -> g.componentName("a-b_c.d").componentVersion("1.0.0")
                .componentDescription("A board model (v1).")));
        assertDoesNotThrow(() -> packaging(g -> g.componentName("c".repeat(128)).componentVersion("123456.0.999999")
                .componentDescription("d".repeat(256))));
        assertEquals(one(pattern("a b", GG + ".componentName", COMPONENT_NAME_PATTERN)),
                error(() -> packaging(g -> g.componentName("a b"))));
        String long1 = "c".repeat(129);
        assertEquals(one(tooLong(long1, GG + ".componentName", 128)),
                error(() -> packaging(g -> g.componentName(long1))));
        assertEquals(one(pattern("1.0", GG + ".componentVersion", COMPONENT_VERSION_PATTERN)),
                error(() -> packaging(g -> g.componentVersion("1.0"))));
        assertEquals(one(pattern("1234567.0.0", GG + ".componentVersion", COMPONENT_VERSION_PATTERN)),
                error(() -> packaging(g -> g.componentVersion("1234567.0.0"))));
        assertEquals(one(pattern("a/b", GG + ".componentDescription", JOB_DESCRIPTION_PATTERN)),
                error(() -> packaging(g -> g.componentDescription("a/b"))));
        String long2 = "d".repeat(257);
        assertEquals(one(tooLong(long2, GG + ".componentDescription", 256)),
                error(() -> packaging(g -> g.componentDescription(long2))));
    }

    @Test
    void compilerOptionsAreThreeTo1024() {
        assertDoesNotThrow(() -> packaging(g -> g.compilerOptions(
                "{\"gpu-code\": \"sm_72\",\n\"trt-ver\": \"8.4.1\"}")));
        assertDoesNotThrow(() -> packaging(g -> g.compilerOptions("o".repeat(1024))));
        assertEquals(one(tooShort("{}", GG + ".compilerOptions", 3)),
                error(() -> packaging(g -> g.compilerOptions("{}"))));
        String long1 = "o".repeat(1025);
        assertEquals(one(tooLong(long1, GG + ".compilerOptions", 1024)),
                error(() -> packaging(g -> g.compilerOptions(long1))));
    }

    @Test
    void targetDeviceIsAKnownValue() {
        String devices = "Member must satisfy enum value set: [jetson_xavier]";
        assertEquals(one(at("jetson_nano", GG + ".targetDevice", devices)),
                error(() -> packaging(g -> g.targetDevice("jetson_nano"))));
        assertEquals(one(at("JETSON_XAVIER", GG + ".targetDevice", devices)),
                error(() -> packaging(g -> g.targetDevice("JETSON_XAVIER"))));
        assertDoesNotThrow(() -> packaging(g -> g.targetDevice("jetson_xavier")));
    }

    @Test
    void targetPlatformValuesAreKnown() {
        String platform = GG + ".targetPlatform";
        assertEquals("1 validation error detected: Value 'ARM' at 'configuration.greengrass.targetPlatform.arch' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [ARM64, X86_64]",
                error(() -> onPlatform(p -> p.os("LINUX").arch("ARM"))));
        assertEquals(two(nullAt(platform + ".os"), nullAt(platform + ".arch")), error(() -> onPlatform(p -> { })));
        assertEquals(one(at("WINDOWS", platform + ".os", "Member must satisfy enum value set: [LINUX]")),
                error(() -> onPlatform(p -> p.os("WINDOWS").arch(TargetPlatformArch.X86_64))));
        assertEquals(one(at("AMD", platform + ".accelerator", "Member must satisfy enum value set: [NVIDIA]")),
                error(() -> onPlatform(p -> p.os("LINUX").arch("ARM64").accelerator("AMD"))));
        assertDoesNotThrow(() -> onPlatform(p -> p.os(TargetPlatformOs.LINUX).arch(TargetPlatformArch.ARM64)
                .accelerator(TargetPlatformAccelerator.NVIDIA)));
        assertDoesNotThrow(() -> onPlatform(p -> p.os("LINUX").arch("X86_64")));
    }

    @Test
    void deviceAndPlatformTogetherAreLeftToTheOperation() {
        assertDoesNotThrow(() -> packaging(g -> g.targetPlatform(p -> p.os("LINUX").arch("ARM64"))));
        assertDoesNotThrow(() -> packaging(g -> g.targetDevice((TargetDevice) null)));
        assertDoesNotThrow(() -> packaging(g -> g.targetDevice(TargetDevice.JETSON_XAVIER)
                .compilerOptions("{\"x\":1}")));
    }

    @Test
    void componentTagsAreChecked() {
        assertEquals(one(pattern("a#b", GG + ".tags.member.key", TAG_PATTERN)),
                error(() -> packaging(g -> g.tags(tag("a#b", "v")))));
        assertEquals(one(nullAt(GG + ".tags.member.value")), error(() -> packaging(g -> g.tags(tag("k", null)))));
        assertDoesNotThrow(() -> packaging(g -> g.tags(tag("line", "3"))));
    }

    @Test
    void valuesAreBuiltFreelyAndJudgedWhereUsed() {
        TargetPlatform platform = assertDoesNotThrow(() -> TargetPlatform.builder().arch("SPARC").build());
        GreengrassConfiguration greengrass = assertDoesNotThrow(() -> GreengrassConfiguration.builder()
                .targetPlatform(platform).componentName("a b").build());
        S3Location location = assertDoesNotThrow(() -> S3Location.builder().bucket("b").build());
        Tag tag = assertDoesNotThrow(() -> Tag.builder().key("#").build());
        assertEquals("4 validation errors detected: " + nullAt(GG + ".targetPlatform.os") + "; "
                        + at("SPARC", GG + ".targetPlatform.arch",
                                "Member must satisfy enum value set: [ARM64, X86_64]")
                        + "; " + nullAt(GG + ".s3OutputLocation") + "; "
                        + pattern("a b", GG + ".componentName", COMPONENT_NAME_PATTERN),
                error(() -> StartModelPackagingJobRequest.builder().projectName("p").modelVersion("1")
                        .configuration(c -> c.greengrass(greengrass)).build()));
        assertEquals("3 validation errors detected: " + tooShort("b", "outputConfig.s3Location.bucket", 3) + "; "
                        + pattern("#", "tags.member.key", TAG_PATTERN) + "; " + nullAt("tags.member.value"),
                error(() -> CreateModelRequest.builder().projectName("p").outputConfig(o -> o.s3Location(location))
                        .tags(tag).build()));
    }

    // ---------------------------------------------------------------- lists, builders, enums

    @Test
    void listsAreNeverNull() {
        assertEquals(List.of(), ListModelsResponse.builder().build().models());
        assertEquals(List.of(), ListModelPackagingJobsResponse.builder().build().modelPackagingJobs());
        assertEquals(List.of(), ListTagsForResourceResponse.builder().build().tags());
        assertEquals(List.of(), DetectAnomalyResult.builder().build().anomalies());
        assertEquals(List.of(), GreengrassConfiguration.builder().build().tags());
        assertEquals(List.of(), createModel().build().tags());
        assertEquals(List.of(), createModel().tags((List<Tag>) null).build().tags());
        assertEquals(List.of(), new ListModelsResponse(null, null).models());
        assertEquals(List.of(), new CreateModelRequest("p", null, null,
                OutputConfig.builder().s3Location(s -> s.bucket("out")).build(), null, null).tags());
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<Tag> tags = new ArrayList<>(List.of(tag("k", "v")));
        TagResourceRequest r = new TagResourceRequest(ARN, tags);
        tags.add(tag("k2", "v"));
        assertEquals(1, r.tags().size());
        assertThrows(UnsupportedOperationException.class, () -> r.tags().add(tag("x", "y")));
        List<String> keys = new ArrayList<>(List.of("k"));
        UntagResourceRequest u = UntagResourceRequest.builder().resourceArn(ARN).tagKeys(keys).build();
        keys.clear();
        assertEquals(List.of("k"), u.tagKeys());
        assertThrows(UnsupportedOperationException.class, () -> u.tagKeys().clear());
        ListModelsResponse page = ListModelsResponse.builder().models(ModelMetadata.builder().modelVersion("1").build())
                .build();
        assertThrows(UnsupportedOperationException.class, () -> page.models().remove(0));
        assertEquals(List.of(tag("a", "b"), tag("c", "d")),
                ListTagsForResourceResponse.builder().tags(tag("a", "b"), tag("c", "d")).build().tags());
    }

    @Test
    void nestedConsumerSettersBuildTheValue() {
        DescribeModelResponse r = DescribeModelResponse.builder().modelDescription(d -> d.modelVersion("1")
                .performance(p -> p.f1Score(0.9f).recall(0.8f).precision(1f))
                .outputConfig(o -> o.s3Location(s -> s.bucket("out")))
                .evaluationManifest(m -> m.bucket("out").key("m.manifest"))).build();
        assertEquals(ModelPerformance.builder().f1Score(0.9f).recall(0.8f).precision(1f).build(),
                r.modelDescription().performance());
        assertEquals("out", r.modelDescription().outputConfig().s3Location().bucket());
        assertEquals("m.manifest", r.modelDescription().evaluationManifest().key());
        DetectAnomaliesResponse d = DetectAnomaliesResponse.builder()
                .detectAnomalyResult(x -> x.source(s -> s.type("direct"))
                .anomalies(Anomaly.builder().name("scratch").pixelAnomaly(p -> p.color("#FF0000")).build())).build();
        assertEquals("#FF0000", d.detectAnomalyResult().anomalies().get(0).pixelAnomaly().color());
        DescribeModelPackagingJobResponse j = DescribeModelPackagingJobResponse.builder()
                .modelPackagingDescription(p -> p.modelPackagingOutputDetails(
                        o -> o.greengrass(g -> g.componentName("c"))))
                .build();
        assertEquals("c", j.modelPackagingDescription().modelPackagingOutputDetails().greengrass().componentName());
    }

    @Test
    void toBuilderBuildsAnEqualValue() {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        ModelPerformance performance = ModelPerformance.builder().f1Score(0.9f).recall(0.8f).precision(1f).build();
        ModelMetadata metadata = ModelMetadata.builder().creationTimestamp(t).modelVersion("1").modelArn(ARN)
                .description("d").status(ModelStatus.TRAINED).statusMessage("Training completed")
                .performance(performance).build();
        GreengrassConfiguration greengrass = GreengrassConfiguration.builder().compilerOptions("{\"x\":1}")
                .targetPlatform(p -> p.os("LINUX").arch("ARM64").accelerator("NVIDIA"))
                .s3OutputLocation(s -> s.bucket("out").prefix("c/")).componentName("c").componentVersion("1.0.0")
                .componentDescription("d").tags(tag("k", "v")).build();
        ModelPackagingConfiguration configuration =
                ModelPackagingConfiguration.builder().greengrass(greengrass).build();
        ModelPackagingJobMetadata job = ModelPackagingJobMetadata.builder().jobName("j").projectName("p")
                .modelVersion("1").modelPackagingJobDescription("d").modelPackagingMethod("Greengrass")
                .status("RUNNING").statusMessage("m").creationTimestamp(t).lastUpdatedTimestamp(t).build();
        List<Object> values = List.of(
                performance,
                S3Location.builder().bucket("out").prefix("p/").build(),
                OutputConfig.builder().s3Location(s -> s.bucket("out")).build(),
                OutputS3Object.builder().bucket("out").key("k").build(),
                tag("k", "v"),
                metadata,
                ModelDescription.builder().modelVersion("1").modelArn(ARN).creationTimestamp(t).description("d")
                        .status("HOSTED").statusMessage("m").performance(performance)
                        .outputConfig(o -> o.s3Location(s -> s.bucket("out")))
                        .evaluationManifest(m -> m.bucket("out").key("m"))
                        .evaluationResult(m -> m.bucket("out").key("r"))
                        .evaluationEndTimestamp(t).kmsKeyId("k").minInferenceUnits(1).maxInferenceUnits(2).build(),
                ImageSource.builder().type("direct").build(),
                PixelAnomaly.builder().totalPercentageArea(0.5f).color("#FF0000").build(),
                Anomaly.builder().name("scratch").pixelAnomaly(p -> p.color("#FF0000")).build(),
                DetectAnomalyResult.builder().source(s -> s.type("direct")).isAnomalous(true).confidence(0.9f)
                        .anomalies(Anomaly.builder().name("background").build())
                        .anomalyMask(SdkBytes.fromByteArray(new byte[] {1, 2})).build(),
                TargetPlatform.builder().os("LINUX").arch("ARCH?").build(),
                greengrass,
                greengrass.toBuilder().targetPlatform((TargetPlatform) null).targetDevice("jetson_xavier").build(),
                configuration,
                GreengrassOutputDetails.builder().componentVersionArn("arn").componentName("c")
                        .componentVersion("1.0.0").build(),
                ModelPackagingOutputDetails.builder().greengrass(g -> g.componentName("c")).build(),
                ModelPackagingDescription.builder().jobName("j").projectName("p").modelVersion("1")
                        .modelPackagingConfiguration(configuration).modelPackagingJobDescription("d")
                        .modelPackagingMethod("Greengrass").modelPackagingOutputDetails(o -> o.greengrass(g -> g
                                .componentName("c"))).status(ModelPackagingJobStatus.SUCCEEDED).statusMessage("m")
                        .creationTimestamp(t).lastUpdatedTimestamp(t).build(),
                job,
                createModel().description("d").clientToken("tok").kmsKeyId("k").tags(tag("k", "v")).build(),
                DescribeModelRequest.builder().projectName("p").modelVersion("latest").build(),
                ListModelsRequest.builder().projectName("p").nextToken("n").maxResults(5).build(),
                DeleteModelRequest.builder().projectName("p").modelVersion("1").clientToken("tok").build(),
                startModel().clientToken("tok").maxInferenceUnits(3).build(),
                StopModelRequest.builder().projectName("p").modelVersion("1").clientToken("tok").build(),
                detect().build(),
                packagingJob().jobName("j").description("d").clientToken("tok").build(),
                DescribeModelPackagingJobRequest.builder().projectName("p").jobName("j").build(),
                ListModelPackagingJobsRequest.builder().projectName("p").nextToken("n").maxResults(5).build(),
                TagResourceRequest.builder().resourceArn(ARN).tags(tag("k", "v")).build(),
                UntagResourceRequest.builder().resourceArn(ARN).tagKeys("k").build(),
                ListTagsForResourceRequest.builder().resourceArn(ARN).build(),
                CreateModelResponse.builder().modelMetadata(metadata).build(),
                DescribeModelResponse.builder().modelDescription(d -> d.modelVersion("1")).build(),
                ListModelsResponse.builder().models(metadata).nextToken("n").build(),
                DeleteModelResponse.builder().modelArn(ARN).build(),
                StartModelResponse.builder().status(ModelHostingStatus.STARTING_HOSTING).build(),
                StopModelResponse.builder().status("STOPPING_HOSTING").build(),
                DetectAnomaliesResponse.builder().detectAnomalyResult(r -> r.isAnomalous(false)).build(),
                StartModelPackagingJobResponse.builder().jobName("j").build(),
                DescribeModelPackagingJobResponse.builder().modelPackagingDescription(d -> d.jobName("j")).build(),
                ListModelPackagingJobsResponse.builder().modelPackagingJobs(job).nextToken("n").build(),
                ListTagsForResourceResponse.builder().tags(tag("k", "v")).build());
        for (Object v : values) {
            Object copy = rebuild(v);
            assertEquals(v, copy, v.getClass().getSimpleName());
            assertNotSame(v, copy);
        }
        assertEquals(new TagResourceResponse(), TagResourceResponse.builder().build().toBuilder().build());
        assertEquals(new UntagResourceResponse(), UntagResourceResponse.builder().build().toBuilder().build());
    }

    @Test
    void inputEnumsKeepTheirString() {
        TargetPlatform p = TargetPlatform.builder().os(TargetPlatformOs.LINUX).arch("ARM64").accelerator("AMD").build();
        assertEquals(TargetPlatformArch.ARM64, p.arch());
        assertEquals("ARM64", p.archAsString());
        assertEquals(TargetPlatformOs.LINUX, p.os());
        assertEquals("LINUX", p.osAsString());
        assertEquals(TargetPlatformAccelerator.UNKNOWN_TO_SDK_VERSION, p.accelerator());
        assertEquals("AMD", p.acceleratorAsString());
        TargetPlatform unknown = TargetPlatform.builder().arch("arm64").build();
        assertEquals(TargetPlatformArch.UNKNOWN_TO_SDK_VERSION, unknown.arch());
        assertEquals("arm64", unknown.archAsString());
        assertNull(unknown.os());
        assertNull(unknown.osAsString());
        assertEquals("X86_64", TargetPlatform.builder().arch(TargetPlatformArch.X86_64).build().archAsString());

        GreengrassConfiguration g = GreengrassConfiguration.builder().targetDevice(TargetDevice.JETSON_XAVIER).build();
        assertEquals("jetson_xavier", g.targetDeviceAsString());
        assertEquals(TargetDevice.JETSON_XAVIER, g.targetDevice());
        assertEquals(TargetDevice.UNKNOWN_TO_SDK_VERSION,
                GreengrassConfiguration.builder().targetDevice("jetson_nano").build().targetDevice());
        assertNull(GreengrassConfiguration.builder().build().targetDevice());
    }

    @Test
    void outputEnumsByStringOrEnum() {
        ModelMetadata m = ModelMetadata.builder().status("HOSTED").build();
        assertEquals(ModelStatus.HOSTED, m.status());
        assertEquals("HOSTED", m.statusAsString());
        assertEquals(ModelStatus.UNKNOWN_TO_SDK_VERSION, ModelMetadata.builder().status("RETIRED").build().status());
        assertEquals("TRAINING_FAILED",
                ModelDescription.builder().status(ModelStatus.TRAINING_FAILED).build().statusAsString());
        assertNull(ModelDescription.builder().build().statusAsString());
        assertEquals(ModelHostingStatus.HOSTED, StartModelResponse.builder().status("HOSTED").build().status());
        assertEquals(ModelHostingStatus.UNKNOWN_TO_SDK_VERSION, StopModelResponse.builder().status("TRAINING").build()
                .status());
        assertEquals("SUCCEEDED",
                ModelPackagingJobMetadata.builder().status(ModelPackagingJobStatus.SUCCEEDED).build().statusAsString());
        assertEquals(ModelPackagingJobStatus.FAILED,
                ModelPackagingDescription.builder().status("FAILED").build().status());
    }

    @Test
    void enumsHaveTheirWireValues() {
        assertEquals(List.of("TRAINING", "TRAINED", "TRAINING_FAILED", "STARTING_HOSTING", "HOSTED", "HOSTING_FAILED",
                "STOPPING_HOSTING", "SYSTEM_UPDATING", "DELETING"), wire(ModelStatus.knownValues()));
        assertEquals(List.of("STARTING_HOSTING", "HOSTED", "HOSTING_FAILED", "STOPPING_HOSTING", "SYSTEM_UPDATING"),
                wire(ModelHostingStatus.knownValues()));
        assertEquals(List.of("CREATED", "RUNNING", "SUCCEEDED", "FAILED"), wire(ModelPackagingJobStatus.knownValues()));
        assertEquals(List.of("jetson_xavier"), wire(TargetDevice.knownValues()));
        assertEquals(List.of("LINUX"), wire(TargetPlatformOs.knownValues()));
        assertEquals(List.of("ARM64", "X86_64"), wire(TargetPlatformArch.knownValues()));
        assertEquals(List.of("NVIDIA"), wire(TargetPlatformAccelerator.knownValues()));
        assertEquals(TargetDevice.JETSON_XAVIER, TargetDevice.fromValue("jetson_xavier"));
        assertEquals(TargetDevice.UNKNOWN_TO_SDK_VERSION, TargetDevice.fromValue("JETSON_XAVIER"));
        assertNull(ModelStatus.fromValue(null));
    }

    private static List<String> wire(Iterable<? extends Enum<?>> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.toString()));
        return out;
    }

    // ---------------------------------------------------------------- RequestBody

    @Test
    void requestBodyCopiesItsBytes() {
        byte[] in = {1, 2, 3};
        RequestBody body = RequestBody.fromBytes(in);
        in[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, body.contents().asByteArray());
        assertEquals(3, body.contentLength());
        assertEquals(SdkBytes.fromByteArray(new byte[] {1, 2, 3}), body.contents());
        assertEquals(0, RequestBody.fromBytes(new byte[0]).contentLength());
    }

    @Test
    void requestBodyFromAStreamReadsExactlyItsLength() throws IOException {
        InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5});
        RequestBody body = RequestBody.fromInputStream(in, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, body.contents().asByteArray());
        assertEquals(3, body.contentLength());
        assertEquals(4, in.read());
        UncheckedIOException short1 = assertThrows(UncheckedIOException.class,
                () -> RequestBody.fromInputStream(new ByteArrayInputStream(new byte[] {1, 2}), 3));
        assertInstanceOf(EOFException.class, short1.getCause());
        assertThrows(IllegalArgumentException.class,
                () -> RequestBody.fromInputStream(new ByteArrayInputStream(new byte[0]), -1));
        assertEquals(0, RequestBody.fromInputStream(new ByteArrayInputStream(new byte[0]), 0).contentLength());
    }

    @Test
    void requestBodyFromAFileReadsItNow(@TempDir Path dir) throws IOException {
        Path image = dir.resolve("board.png");
        Files.write(image, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        RequestBody body = RequestBody.fromFile(image);
        Files.write(image, new byte[] {0});
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, body.contents().asByteArray());
        assertEquals(4, body.contentLength());
        assertThrows(UncheckedIOException.class, () -> RequestBody.fromFile(dir.resolve("missing.png")));
    }
}
