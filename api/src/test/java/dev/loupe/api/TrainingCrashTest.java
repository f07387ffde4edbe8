package dev.loupe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.network.Architecture;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed mid-training leaves a model that reads TRAINING_FAILED, with a message, when
 * the workspace is opened again; the version it had is not reused.
 */
class TrainingCrashTest {
    @TempDir
    Path dir;

    /** The child: start a long training run, say so, and wait to be killed. */
    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path data = Path.of(args[1]);
        LookoutVision lv = LookoutVision.builder().workspace(workspace).bucket("out", workspace.resolveSibling("out"))
                .modelConfig(new ModelConfig(1, new Architecture(64, new int[] {8, 16, 16}, 1), 10_000, 8, 2e-3,
                        Augmenter.standard(), 0.25, 256, true, 0))
                .trainingListener((p, v, progress) -> {
                    if (progress.epoch() == 2) {
                        System.out.println("TRAINING " + v);
                        System.out.flush();
                    }
                }).build();
        lv.createProject(b -> b.projectName("p"));
        lv.createDataset(b -> b.projectName("p").datasetType("train"), data.resolve("train.manifest"));
        lv.createDataset(b -> b.projectName("p").datasetType("test"), data.resolve("test.manifest"));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("train"));
        lv.waiter().waitUntilDatasetCreated(b -> b.projectName("p").datasetType("test"));
        lv.createModel(b -> b.projectName("p").outputConfig(o -> o.s3Location(s -> s.bucket("out"))));
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aModelCaughtTrainingReadsTrainingFailedAfterTheCrash() throws Exception {
        GeneratedDataset data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(5)
                .size(64, 64).train(10, 4).test(10, 10).build(), dir.resolve("data"));
        Path workspace = dir.resolve("ws");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TrainingCrashTest.class.getName(),
                workspace.toString(), data.root().toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.startsWith("TRAINING")) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "the child never started training:\n" + seen);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        try (LocalLookoutVision lv = LookoutVision.builder().workspace(workspace).bucket("out", dir.resolve("out"))
                .modelConfig(new ModelConfig(1, new Architecture(64, new int[] {8}, 1), 1, 8, 2e-3,
                        Augmenter.standard(), 0.25, 256, true, 0)).build()) {
            ModelDescription d = lv.describeModel(b -> b.projectName("p").modelVersion("1")).modelDescription();
            assertEquals(ModelStatus.TRAINING_FAILED, d.status());
            assertTrue(d.statusMessage().contains("interrupted"), d.statusMessage());
            assertTrue(lv.repairs().stream().anyMatch(r -> r.contains("TRAINING -> TRAINING_FAILED")), lv.repairs()
                    .toString());
            // The failed version can be deleted, and its number is not given out again.
            lv.deleteModel(b -> b.projectName("p").modelVersion("1"));
            assertEquals("2", lv.createModel(b -> b.projectName("p").outputConfig(o -> o.s3Location(
                    s -> s.bucket("out")))).modelMetadata().modelVersion());
            lv.waiter().waitUntilModelTrained(b -> b.projectName("p").modelVersion("2"));
        }
    }
}
