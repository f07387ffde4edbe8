package dev.loupe.jmh;

import dev.loupe.engine.calibration.Calibration;
import dev.loupe.engine.model.Provenance;
import dev.loupe.engine.preprocess.Normalization;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the region classifier adds to segmentation detection at its worst: a two-class model
 * answering a 576x768 JPEG (decode to mask PNG, one thread) whose pixel thresholds call every
 * pixel anomalous, so that every pixel is in a region to describe and judge. {@code regions=off}
 * is the same model without the classifier. Real images have a few small regions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SegmentRegionsBenchmark {

    @State(Scope.Thread)
    public static class Segmenter {
        @Param({"off", "on"})
        String regions;
        byte[] jpeg;
        SegmentationDetector detector;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            jpeg = Files.readAllBytes(Models.cookieSized(1, 0).root().resolve("images/train/normal-0001.jpg"));
            SegmentationConfig c = SegmentationConfig.defaults();
            SegmentationArchitecture a = new SegmentationArchitecture(c.inputSize(), c.channels(), 2);
            double[][] means = new double[4][6];
            double[][] variances = new double[4][6];
            for (double[] row : variances) {
                Arrays.fill(row, 1);
            }
            RegionClassifier classifier = regions.equals("on")
                    ? new RegionClassifier(means, variances, new double[] {-0.7, -0.7, -0.7, -0.7}, 1)
                    : RegionClassifier.NONE;
            SegmentationModel model = new SegmentationModel(List.of(new AnomalyClass("scratch", HexColor.parse("#23A436")),
                    new AnomalyClass("crack", HexColor.parse("#D62728"))), SegmentationWeights.initial(a, 1),
                    new Normalization(0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f), new Calibration(0.5, 1, Calibration.MAX_F1),
                    new double[] {1e-6, 1e-6}, classifier,
                    new Provenance("benchmark", 0, 0, 0, 0, 1, "benchmark", Map.of(), 0), Map.of());
            detector = SegmentationDetector.open(model);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            detector.close();
        }
    }

    @Benchmark
    public byte[] detectWithMask(Segmenter s) {
        return s.detector.detect(s.jpeg).maskPng();
    }
}
