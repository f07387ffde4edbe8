package dev.loupe.jmh;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.DetectAnomaliesResponse;
import dev.loupe.api.model.RequestBody;
import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.network.Architecture;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DetectAnomalies through the facade on a hosted model with two inference units, against the
 * engine's own detector on the same archive: {@code engine} and {@code facade} (one thread) show
 * what the facade adds (the target is at most 1 ms); {@code facadeTwoThreads} shows two callers
 * served at once (throughput should be close to twice one caller's on two cores). The image is a
 * 576x768 JPEG, the model the standard architecture (trained for one epoch: detection costs the
 * same whatever the weights).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HostedDetectBenchmark {

    /** A workspace with a hosted model, and the image, per trial. */
    @State(Scope.Benchmark)
    public static class Hosted {
        Path dir;
        LookoutVision lv;
        byte[] jpeg;
        Path archive;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("loupe-hosted");
            GeneratedDataset data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(2)
                    .size(96, 96).train(20, 10).test(10, 10).build(), dir.resolve("data"));
            lv = LookoutVision.builder().workspace(dir.resolve("ws")).bucket("out", dir.resolve("out"))
                    .modelConfig(ModelConfig.defaults().withArchitecture(Architecture.standard()).withEpochs(1)).build();
            lv.createProject(b -> b.projectName("bench"));
            lv.createDataset(b -> b.projectName("bench").datasetType("train"), data.trainManifest());
            lv.createDataset(b -> b.projectName("bench").datasetType("test"), data.testManifest());
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("bench").datasetType("train"));
            lv.waiter().waitUntilDatasetCreated(b -> b.projectName("bench").datasetType("test"));
            lv.createModel(b -> b.projectName("bench").outputConfig(o -> o.s3Location(s -> s.bucket("out"))));
            lv.waiter().waitUntilModelTrained(b -> b.projectName("bench").modelVersion("1"));
            lv.startModel(b -> b.projectName("bench").modelVersion("1").minInferenceUnits(2));
            lv.waiter().waitUntilModelHosted(b -> b.projectName("bench").modelVersion("1"));
            archive = dir.resolve("ws/projects/bench/models/1/model.loupe");
            jpeg = Files.readAllBytes(Models.cookieSized(1, 0).root().resolve("images/train/normal-0001.jpg"));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            lv.close();
            DatasetBenchmark.delete(dir);
        }
    }

    /** The engine's detector on the hosted model's archive, one per thread. */
    @State(Scope.Thread)
    public static class Engine {
        Detector detector;

        @Setup(Level.Trial)
        public void setUp(Hosted hosted) throws IOException {
            detector = Detector.open(ModelArchive.load(hosted.archive));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            detector.close();
        }
    }

    @Benchmark
    @Threads(1)
    public Detection engine(Hosted hosted, Engine engine) {
        return engine.detector.detect(hosted.jpeg);
    }

    @Benchmark
    @Threads(1)
    public DetectAnomaliesResponse facade(Hosted hosted) {
        return detect(hosted);
    }

    @Benchmark
    @Threads(2)
    public DetectAnomaliesResponse facadeTwoThreads(Hosted hosted) {
        return detect(hosted);
    }

    private static DetectAnomaliesResponse detect(Hosted hosted) {
        return hosted.lv.detectAnomalies(b -> b.projectName("bench").modelVersion("1").contentType("image/jpeg"),
                RequestBody.fromBytes(hosted.jpeg));
    }
}
