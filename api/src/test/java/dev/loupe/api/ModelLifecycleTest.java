package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.DetectAnomalyResult;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.ModelHostingStatus;
import dev.loupe.api.model.ModelMetadata;
import dev.loupe.api.model.ModelPackagingDescription;
import dev.loupe.api.model.ModelPackagingJobStatus;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.RequestBody;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.Tag;
import dev.loupe.api.model.ValidationException;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.segmentation.edge.EdgeDetector;
import dev.loupe.segmentation.edge.EdgeResult;
import dev.loupe.segmentation.edge.ModelHost;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of a classification model through the facade, in order: datasets, CreateModel,
 * training, hosting, DetectAnomalies, packaging and the edge detector, tags, stopping, versions,
 * deletion, and what a restart leaves. Every forbidden transition on the way is checked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelLifecycleTest {
    @TempDir
    static Path dir;
    static GeneratedDataset data;
    static LookoutVision lv;
    static final List<TrainingProgress> progress = new CopyOnWriteArrayList<>();

    /** Trains in seconds: small input, few channels, few epochs. */
    static ModelConfig tiny() {
        return new ModelConfig(1, new Architecture(64, new int[] {8, 16, 16}, 1), 8, 8, 2e-3,
                Augmenter.standard(), 0.25, 256, true, 0);
    }

    @BeforeAll
    static void setUp() throws Exception {
        data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(3).size(96, 96)
                .train(20, 12).test(10, 10).multiDefectRate(0).build(), dir.resolve("data"));
        lv = open();
        lv.createProject(b -> b.projectName("washers"));
        lv.createDataset(b -> b.projectName("washers").datasetType("train"), data.trainManifest());
        lv.createDataset(b -> b.projectName("washers").datasetType("test"), data.testManifest());
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("washers").datasetType("train"));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("washers").datasetType("test"));
    }

    static LookoutVision open() {
        return LookoutVision.builder().workspace(dir.resolve("ws")).bucket("out", dir.resolve("out"))
                .modelConfig(tiny()).trainingListener((p, v, t) -> progress.add(t)).build();
    }

    @AfterAll
    static void tearDown() {
        lv.close();
    }

    @Test
    @Order(1)
    void createModelStartsTrainingVersionOne() {
        ModelMetadata m = lv.createModel(b -> b.projectName("washers").description("first.try").kmsKeyId("alias/line-3")
                .outputConfig(o -> o.s3Location(s -> s.bucket("out").prefix("washers/")))
                .tags(Tag.builder().key("line").value("3").build())).modelMetadata();
        assertEquals("1", m.modelVersion());
        assertEquals("arn:aws:lookoutvision:local:000000000000:model/washers/1", m.modelArn());
        assertEquals(ModelStatus.TRAINING, m.status());
        assertEquals("The model is being trained.", m.statusMessage());
        assertNull(m.performance());
        // While training: not startable, not deletable.
        ConflictException e = assertThrows(ConflictException.class, () -> lv.startModel(b -> b.projectName("washers")
                .modelVersion("1").minInferenceUnits(1)));
        assertEquals(ResourceType.MODEL, e.resourceType());
        assertThrows(ConflictException.class, () -> lv.deleteModel(b -> b.projectName("washers").modelVersion("1")));
        assertThrows(ConflictException.class, () -> ((LocalLookoutVision) lv).modelArchive(b -> b.projectName("washers")
                .modelVersion("1")), "no archive before training succeeds");
    }

    @Test
    @Order(2)
    void trainingEndsTrainedWithPerformanceAndEvaluationFiles() throws Exception {
        ModelDescription d = lv.waiter().waitUntilModelTrained(b -> b.projectName("washers").modelVersion("1"))
                .matched().response().orElseThrow().modelDescription();
        assertEquals(ModelStatus.TRAINED, d.status());
        assertEquals("Training completed successfully.", d.statusMessage());
        assertNotNull(d.performance().f1Score());
        assertTrue(d.performance().recall() >= 0 && d.performance().precision() >= 0);
        assertEquals("washers/EvaluationManifest-washers-1.json", d.evaluationManifest().key());
        assertEquals("washers/EvaluationResult-washers-1.json", d.evaluationResult().key());
        assertEquals(20, Files.readAllLines(dir.resolve("out/washers/EvaluationManifest-washers-1.json")).size());
        assertTrue(Files.readString(dir.resolve("out/washers/EvaluationResult-washers-1.json")).contains("F1Score"));
        assertEquals("first.try", d.description());
        assertEquals("alias/line-3", d.kmsKeyId(), "the key id is recorded");
        assertTrue(progress.stream().anyMatch(p -> p.stage() == TrainingProgress.Stage.TRAINING && p.epoch() == 8));
        assertEquals("1", lv.describeModel(b -> b.projectName("washers").modelVersion("latest"))
                .modelDescription().modelVersion());
        // The archive, as a local extra, runs the same model outside the facade.
        byte[] archive = ((LocalLookoutVision) lv).modelArchive(b -> b.projectName("washers").modelVersion("latest"));
        try (ModelHost host = ModelHost.open(archive, "washers-1", 1, 1)) {
            assertEquals("classification", host.modelType());
        }
        assertThrows(ResourceNotFoundException.class, () -> ((LocalLookoutVision) lv).modelArchive(b -> b
                .projectName("washers").modelVersion("9")));
        // Each evaluation manifest line's image can be found again, as training resolved it.
        String line = Files.readAllLines(dir.resolve("out/washers/EvaluationManifest-washers-1.json")).get(0);
        String ref = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("source-ref").asText();
        assertEquals(Files.readAllBytes(data.root().resolve(ref)).length, Files.readAllBytes(
                ((LocalLookoutVision) lv).imageFile("washers", ref).orElseThrow()).length);
        assertTrue(((LocalLookoutVision) lv).imageFile("washers", "no/such.png").isEmpty());
    }

    @Test
    @Order(3)
    void aModelMustBeHostedToDetect() throws Exception {
        byte[] png = Files.readAllBytes(firstTestImage());
        ConflictException e = assertThrows(ConflictException.class, () -> lv.detectAnomalies(
                b -> b.projectName("washers").modelVersion("1").contentType("image/png"), RequestBody.fromBytes(png)));
        assertTrue(e.getMessage().contains("TRAINED"), e.getMessage());
        assertThrows(ConflictException.class, () -> lv.stopModel(b -> b.projectName("washers").modelVersion("1")));
    }

    @Test
    @Order(4)
    void startModelHostsItAndDetectAnswersInTheServiceShape() throws Exception {
        assertEquals(ModelHostingStatus.STARTING_HOSTING, lv.startModel(b -> b.projectName("washers")
                .modelVersion("1").minInferenceUnits(1).maxInferenceUnits(2)).status());
        ModelDescription d = lv.waiter().waitUntilModelHosted(b -> b.projectName("washers").modelVersion("1"))
                .matched().response().orElseThrow().modelDescription();
        assertEquals(ModelStatus.HOSTED, d.status());
        assertEquals(1, d.minInferenceUnits());
        assertEquals(2, d.maxInferenceUnits());
        assertThrows(ConflictException.class, () -> lv.startModel(b -> b.projectName("washers").modelVersion("1")
                .minInferenceUnits(1)));
        assertThrows(ConflictException.class, () -> lv.deleteModel(b -> b.projectName("washers").modelVersion("1")));

        // The hosted model answers each test image as the evaluation at the end of training did.
        Map<String, JsonNode> evaluated = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("out/washers/EvaluationManifest-washers-1.json"))) {
            JsonNode n = new ObjectMapper().readTree(line);
            evaluated.put(n.get("source-ref").asText(), n);
        }
        for (Path image : testImages()) {
            DetectAnomalyResult r = detect(image);
            assertEquals("direct", r.source().type());
            assertTrue(r.confidence() >= 0.5f && r.confidence() <= 1f, "confidence " + r.confidence());
            assertTrue(r.anomalies().isEmpty(), "a classification model names no anomalies");
            assertNull(r.anomalyMask());
            JsonNode e = evaluated.get("images/test/" + image.getFileName());
            assertEquals(e.get("anomaly-label-detected").asInt() == 1, r.isAnomalous(), image.toString());
            assertEquals(e.get("anomaly-label-detected-metadata").get("confidence").asDouble(), r.confidence(), 1e-6);
        }
    }

    @Test
    @Order(5)
    void badImagesAreValidationErrorsAndTheModelSurvivesThem() throws Exception {
        byte[] png = Files.readAllBytes(firstTestImage());
        ValidationException e = assertThrows(ValidationException.class, () -> lv.detectAnomalies(
                b -> b.projectName("washers").modelVersion("1").contentType("image/gif"), RequestBody.fromBytes(png)));
        assertEquals("content-type must be one of the following. image/jpeg, image/png", e.getMessage());
        assertThrows(ValidationException.class, () -> lv.detectAnomalies(
                b -> b.projectName("washers").modelVersion("1").contentType("image/jpeg"), RequestBody.fromBytes(png)));
        assertThrows(ValidationException.class, () -> lv.detectAnomalies(
                b -> b.projectName("washers").modelVersion("1").contentType("image/png"),
                RequestBody.fromBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3})));
        assertEquals(detect(firstTestImage()), detect(firstTestImage()));
    }

    @Test
    @Order(6)
    void concurrentCallersGetTheSameAnswersAsOne() throws Exception {
        List<Path> images = testImages();
        List<DetectAnomalyResult> expected = new ArrayList<>();
        for (Path i : images) {
            expected.add(detect(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DetectAnomalyResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<DetectAnomalyResult> got = new ArrayList<>();
                    for (Path i : images) {
                        got.add(detect(i));
                    }
                    return got;
                }));
            }
            for (var f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @Order(7)
    void packagingWritesAComponentThatTheEdgeDetectorLoads() throws Exception {
        String job = lv.startModelPackagingJob(b -> b.projectName("washers").modelVersion("1").jobName("edge-1")
                .configuration(c -> c.greengrass(g -> g.componentName("washer-inspector")
                        .s3OutputLocation(s -> s.bucket("out").prefix("components/"))
                        .targetPlatform(t -> t.os("LINUX").arch("X86_64"))
                        .compilerOptions("{\"mcpu\": \"core-avx2\"}")))).jobName();
        assertEquals("edge-1", job);
        ModelPackagingDescription d = lv.waiter().waitUntilPackagingJobDone(b -> b.projectName("washers")
                .jobName("edge-1")).matched().response().orElseThrow().modelPackagingDescription();
        assertEquals(ModelPackagingJobStatus.SUCCEEDED, d.status());
        assertEquals("Greengrass", d.modelPackagingMethod());
        assertEquals("1.0.0", d.modelPackagingOutputDetails().greengrass().componentVersion(),
                "the default component version is <ModelVersion>.0.0");
        assertEquals("arn:aws:greengrass:local:000000000000:components:washer-inspector:versions:1.0.0",
                d.modelPackagingOutputDetails().greengrass().componentVersionArn());
        Path artifact = dir.resolve("out/components/washer-inspector-1.0.0.zip");
        assertTrue(Files.exists(dir.resolve("out/components/washer-inspector-1.0.0-recipe.json")));
        try (EdgeDetector edge = EdgeDetector.open(artifact)) {
            assertEquals("classification", edge.runtime().modelType());
            for (Path image : testImages()) {
                EdgeResult r = edge.detect(Files.readAllBytes(image));
                DetectAnomalyResult hosted = detect(image);
                assertEquals(hosted.isAnomalous(), r.isAnomalous());
                assertEquals(hosted.confidence(), (float) r.confidence(), 1e-6f);
            }
            assertTrue(edge.detect(Files.readAllBytes(firstTestImage())).toJson()
                    .startsWith("{\"DetectAnomalyResult\":{\"Source\":{\"Type\":\"direct\"},\"IsAnomalous\":"));
        }
        assertEquals(List.of("edge-1"), lv.listModelPackagingJobsPaginator(b -> b.projectName("washers"))
                .modelPackagingJobs().stream().map(j -> j.jobName()).toList());
    }

    @Test
    @Order(8)
    void packagingRulesAreChecked() {
        // A job name is unique in its project; a component version in the account.
        assertThrows(ConflictException.class, () -> lv.startModelPackagingJob(b -> b.projectName("washers")
                .modelVersion("1").jobName("edge-1").configuration(c -> c.greengrass(g -> g.componentName("other")
                        .s3OutputLocation(s -> s.bucket("out")).targetDevice("jetson_xavier")))));
        assertThrows(ConflictException.class, () -> lv.startModelPackagingJob(b -> b.projectName("washers")
                .modelVersion("1").configuration(c -> c.greengrass(g -> g.componentName("washer-inspector")
                        .s3OutputLocation(s -> s.bucket("out")).targetDevice("jetson_xavier")))));
        ValidationException both = assertThrows(ValidationException.class, () -> lv.startModelPackagingJob(
                b -> b.projectName("washers").modelVersion("1").configuration(c -> c.greengrass(g -> g
                        .componentName("x").s3OutputLocation(s -> s.bucket("out")).targetDevice("jetson_xavier")
                        .targetPlatform(t -> t.os("LINUX").arch("ARM64"))))));
        assertTrue(both.getMessage().contains("mutually exclusive"), both.getMessage());
        ValidationException gpu = assertThrows(ValidationException.class, () -> lv.startModelPackagingJob(
                b -> b.projectName("washers").modelVersion("1").configuration(c -> c.greengrass(g -> g
                        .componentName("x").s3OutputLocation(s -> s.bucket("out"))
                        .targetPlatform(t -> t.os("LINUX").arch("ARM64").accelerator("NVIDIA"))
                        .compilerOptions("{\"gpu-code\": \"sm_72\"}")))));
        assertTrue(gpu.getMessage().contains("trt-ver") && gpu.getMessage().contains("cuda-ver"), gpu.getMessage());
        assertThrows(ValidationException.class, () -> lv.startModelPackagingJob(b -> b.projectName("washers")
                .modelVersion("1").configuration(c -> c.greengrass(g -> g.componentName("x")
                        .s3OutputLocation(s -> s.bucket("out")).targetDevice("jetson_xavier")
                        .compilerOptions("{\"mcpu\": \"x\"}")))));
        assertThrows(ResourceNotFoundException.class, () -> lv.describeModelPackagingJob(b -> b.projectName("washers")
                .jobName("nope")));
    }

    @Test
    @Order(9)
    void tagsMergeRemoveAndList() {
        String arn = "arn:aws:lookoutvision:local:000000000000:model/washers/1";
        assertEquals(List.of(tag("line", "3")), lv.listTagsForResource(b -> b.resourceArn(arn)).tags());
        lv.tagResource(b -> b.resourceArn(arn).tags(tag("line", "4"), tag("owner", "qa")));
        assertEquals(List.of(tag("line", "4"), tag("owner", "qa")), lv.listTagsForResource(b -> b.resourceArn(arn)).tags());
        lv.untagResource(b -> b.resourceArn(arn).tagKeys("line", "absent"));
        assertEquals(List.of(tag("owner", "qa")), lv.listTagsForResource(b -> b.resourceArn(arn)).tags());
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> lv.listTagsForResource(
                b -> b.resourceArn("arn:aws:lookoutvision:local:000000000000:model/washers/9")));
        assertEquals(ResourceType.MODEL, e.resourceType());
        assertThrows(ResourceNotFoundException.class, () -> lv.tagResource(b -> b.resourceArn("not-an-arn")
                .tags(tag("a", "b"))));
    }

    @Test
    @Order(10)
    void stopModelReturnsItToTrained() {
        assertEquals(ModelHostingStatus.STOPPING_HOSTING, lv.stopModel(b -> b.projectName("washers").modelVersion("1"))
                .status());
        ModelDescription d = lv.waiter().waitUntilModelStopped(b -> b.projectName("washers").modelVersion("1"))
                .matched().response().orElseThrow().modelDescription();
        assertEquals(ModelStatus.TRAINED, d.status());
        assertNull(d.minInferenceUnits());
    }

    @Test
    @Order(11)
    void versionsCountUpListNewestFirstAndAreNeverReused() {
        lv.createModel(b -> b.projectName("washers").outputConfig(o -> o.s3Location(s -> s.bucket("out"))));
        lv.waiter().waitUntilModelTrained(b -> b.projectName("washers").modelVersion("2"));
        assertEquals(List.of("2", "1"), lv.listModelsPaginator(b -> b.projectName("washers").maxResults(1)).models()
                .stream().map(ModelMetadata::modelVersion).toList());
        assertEquals("arn:aws:lookoutvision:local:000000000000:model/washers/2",
                lv.deleteModel(b -> b.projectName("washers").modelVersion("2")).modelArn());
        assertThrows(ResourceNotFoundException.class, () -> lv.describeModel(b -> b.projectName("washers")
                .modelVersion("2")));
        assertThrows(ValidationException.class, () -> lv.deleteModel(b -> b.projectName("washers")
                .modelVersion("latest")));
        ConflictException e = assertThrows(ConflictException.class, () -> lv.deleteProject(b -> b.projectName("washers")));
        assertTrue(e.getMessage().contains("models"), e.getMessage());
        lv.createModel(b -> b.projectName("washers").outputConfig(o -> o.s3Location(s -> s.bucket("out"))));
        assertEquals("3", lv.describeModel(b -> b.projectName("washers").modelVersion("latest"))
                .modelDescription().modelVersion(), "a deleted version's number is not reused");
        lv.waiter().waitUntilModelTrained(b -> b.projectName("washers").modelVersion("3"));
    }

    @Test
    @Order(12)
    void aHostedModelReadsTrainedAfterARestartOrIsStartedAgainWhenAsked() {
        lv.startModel(b -> b.projectName("washers").modelVersion("1").minInferenceUnits(1));
        lv.waiter().waitUntilModelHosted(b -> b.projectName("washers").modelVersion("1"));
        lv.close();
        lv = open();
        ModelDescription d = lv.describeModel(b -> b.projectName("washers").modelVersion("1")).modelDescription();
        assertEquals(ModelStatus.TRAINED, d.status());
        assertTrue(d.performance() != null && d.evaluationResult() != null, "what training found is kept");
        lv.startModel(b -> b.projectName("washers").modelVersion("1").minInferenceUnits(1));
        lv.waiter().waitUntilModelHosted(b -> b.projectName("washers").modelVersion("1"));
        lv.close();
        lv = LookoutVision.builder().workspace(dir.resolve("ws")).bucket("out", dir.resolve("out"))
                .modelConfig(tiny()).restartHostedModels(true).build();
        assertEquals(ModelStatus.HOSTED, lv.waiter().waitUntilModelHosted(b -> b.projectName("washers")
                .modelVersion("1")).matched().response().orElseThrow().modelDescription().status());
    }

    @Test
    @Order(13)
    void trainingChecksTheDatasetsFirst() throws Exception {
        lv.createProject(b -> b.projectName("empty"));
        ConflictException noTrain = assertThrows(ConflictException.class, () -> lv.createModel(
                b -> b.projectName("empty").outputConfig(o -> o.s3Location(s -> s.bucket("out")))));
        assertEquals(ResourceType.DATASET, noTrain.resourceType());
        lv.createDataset(b -> b.projectName("empty").datasetType("train"), data.testManifest());
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("empty").datasetType("train"));
        ValidationException few = assertThrows(ValidationException.class, () -> lv.createModel(
                b -> b.projectName("empty").outputConfig(o -> o.s3Location(s -> s.bucket("out")))));
        assertTrue(few.getMessage().contains("there are 10 labeled normal images"), few.getMessage());
        lv.createProject(b -> b.projectName("masks"));
        lv.createDataset(b -> b.projectName("masks").datasetType("train"), data.segmentationTrain());
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("masks").datasetType("train"));
        ValidationException seg = assertThrows(ValidationException.class, () -> lv.createModel(
                b -> b.projectName("masks").outputConfig(o -> o.s3Location(s -> s.bucket("out")))));
        assertTrue(seg.getMessage().contains("segmentation"), seg.getMessage());
        ValidationException bucket = assertThrows(ValidationException.class, () -> lv.createModel(
                b -> b.projectName("washers").outputConfig(o -> o.s3Location(s -> s.bucket("unmapped")))));
        assertTrue(bucket.getMessage().contains("unmapped"), bucket.getMessage());
    }

    private static DetectAnomalyResult detect(Path image) throws Exception {
        byte[] bytes = Files.readAllBytes(image);
        String type = image.toString().endsWith(".png") ? "image/png" : "image/jpeg";
        return lv.detectAnomalies(b -> b.projectName("washers").modelVersion("1").contentType(type),
                RequestBody.fromBytes(bytes)).detectAnomalyResult();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Path firstTestImage() throws Exception {
        return testImages().get(0);
    }

    private static List<Path> testImages() throws Exception {
        try (Stream<Path> files = Files.list(data.root().resolve("images/test"))) {
            return files.sorted().toList();
        }
    }
}
