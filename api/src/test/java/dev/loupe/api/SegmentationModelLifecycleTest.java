package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.Anomaly;
import dev.loupe.api.model.DetectAnomalyResult;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.RequestBody;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.segmentation.edge.EdgeDetector;
import dev.loupe.segmentation.edge.EdgeResult;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segmentation model through the facade: masks in the training data make CreateModel train
 * one; DetectAnomalies then names the classes found (background first) with their areas and
 * colours and returns the colour mask; the evaluation result carries the per-class metrics; the
 * packaged model answers the same at the edge.
 */
class SegmentationModelLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void masksMakeASegmentationModelThatAnswersInTheServiceShape() throws Exception {
        // 10 images alone with each of the 4 classes in each dataset: the service's minimum.
        GeneratedDataset data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(11)
                .size(64, 64).train(12, 40).test(10, 40).multiDefectRate(0).build(), dir.resolve("data"));
        try (LookoutVision lv = LookoutVision.builder().workspace(dir.resolve("ws")).bucket("out", dir.resolve("out"))
                .segmentationConfig(new SegmentationConfig(1, 64, new int[] {8, 16, 16}, 3, 8, 2e-3,
                        Augmenter.standard(), 0.25, true, false, 0, 0)).build()) {
            lv.createProject(b -> b.projectName("washers"));
            lv.createDataset(b -> b.projectName("washers").datasetType("train"), data.segmentationTrain());
            lv.createDataset(b -> b.projectName("washers").datasetType("test"), data.segmentationTest());
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("washers").datasetType("train"));
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("washers").datasetType("test"));
            lv.createModel(b -> b.projectName("washers").outputConfig(o -> o.s3Location(s -> s.bucket("out"))));
            ModelDescription d = lv.waiter().waitUntilModelTrained(b -> b.projectName("washers").modelVersion("1"))
                    .matched().response().orElseThrow().modelDescription();
            assertEquals(ModelStatus.TRAINED, d.status());
            assertNotNull(d.performance().f1Score());
            String result = Files.readString(dir.resolve("out/EvaluationResult-washers-1.json"));
            for (String name : List.of("scratch", "hole", "crack", "stain")) {
                assertTrue(result.contains("\"ClassName\" : \"" + name + "\""), result);
            }
            assertTrue(result.contains("AIOU"), result);
            String firstLine = Files.readAllLines(dir.resolve("out/EvaluationManifest-washers-1.json")).get(0);
            assertTrue(firstLine.contains("anomaly-mask-ref-detected"), firstLine);

            lv.startModel(b -> b.projectName("washers").modelVersion("1").minInferenceUnits(1));
            lv.waiter().waitUntilModelHosted(b -> b.projectName("washers").modelVersion("1"));
            for (Path image : images(data)) {
                DetectAnomalyResult r = lv.detectAnomalies(b -> b.projectName("washers").modelVersion("1")
                        .contentType("image/png"), RequestBody.fromFile(image)).detectAnomalyResult();
                List<Anomaly> anomalies = r.anomalies();
                assertEquals("background", anomalies.get(0).name());
                assertEquals("#FFFFFF", anomalies.get(0).pixelAnomaly().color());
                double total = anomalies.stream().mapToDouble(a -> a.pixelAnomaly().totalPercentageArea()).sum();
                assertEquals(1.0, total, 1e-4);
                for (Anomaly a : anomalies) {
                    assertEquals(a.pixelAnomaly().color().toUpperCase(), a.pixelAnomaly().color());
                }
                BufferedImage mask = ImageIO.read(new ByteArrayInputStream(r.anomalyMask().asByteArray()));
                assertEquals(64, mask.getWidth());
                assertEquals(64, mask.getHeight());
            }
            lv.startModelPackagingJob(b -> b.projectName("washers").modelVersion("1").jobName("edge")
                    .configuration(c -> c.greengrass(g -> g.componentName("washer-masks").targetDevice("jetson_xavier")
                            .s3OutputLocation(s -> s.bucket("out")))));
            lv.waiter().waitUntilPackagingJobDone(b -> b.projectName("washers").jobName("edge"));
            try (EdgeDetector edge = EdgeDetector.open(dir.resolve("out/washer-masks-1.0.0.zip"))) {
                assertEquals("segmentation", edge.runtime().modelType());
                Path image = images(data).get(0);
                EdgeResult e = edge.detect(Files.readAllBytes(image));
                DetectAnomalyResult hosted = lv.detectAnomalies(b -> b.projectName("washers").modelVersion("1")
                        .contentType("image/png"), RequestBody.fromFile(image)).detectAnomalyResult();
                assertEquals(hosted.anomalies().stream().map(Anomaly::name).collect(Collectors.toList()),
                        e.anomalies().stream().map(EdgeResult.Anomaly::name).collect(Collectors.toList()));
                assertTrue(e.toJson().contains("\"AnomalyMask\":"), "the edge JSON carries the mask");
            }
            lv.stopModel(b -> b.projectName("washers").modelVersion("1"));
            lv.waiter().waitUntilModelStopped(b -> b.projectName("washers").modelVersion("1"));
            lv.deleteModel(b -> b.projectName("washers").modelVersion("1"));
            assertTrue(lv.listModels(b -> b.projectName("washers")).models().isEmpty());
        }
    }

    private static List<Path> images(GeneratedDataset data) throws Exception {
        try (Stream<Path> files = Files.list(data.root().resolve("images/test"))) {
            return files.sorted().limit(6).toList();
        }
    }
}
