package dev.loupe.jmh;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
            jpeg = Models.cookieSizedJpeg();
            double[][] means = new double[4][6];
            double[][] variances = new double[4][6];
            for (double[] row : variances) {
                Arrays.fill(row, 1);
            }
            RegionClassifier classifier = regions.equals("on")
                    ? new RegionClassifier(means, variances, new double[] {-0.7, -0.7, -0.7, -0.7}, 1)
                    : RegionClassifier.NONE;
            SegmentationModel model = Models.segmentationModel(SegmentationConfig.defaults().channels(),
                    List.of(new AnomalyClass("scratch", HexColor.parse("#23A436")),
                            new AnomalyClass("crack", HexColor.parse("#D62728"))),
                    new double[] {1e-6, 1e-6}, classifier);
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
