package dev.loupe.jmh;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.model.RegionClassifier;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import java.io.IOException;
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
 * A segmentation model answering a 576x768 JPEG, decode to result with the mask PNG encoded,
 * on one thread (the target is 80 ms on the 2-core CI machine). The network has the default
 * configuration's shape ({@code levels=4}) or the fifth level training adds for wide defects
 * ({@code levels=5}), and seeded weights: detection costs the same whatever their values.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SegmentDetectBenchmark {

    @State(Scope.Thread)
    public static class Segmenter {
        @Param({"4", "5"})
        int levels;
        byte[] jpeg;
        SegmentationDetector detector;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            jpeg = Models.cookieSizedJpeg();
            SegmentationConfig c = SegmentationConfig.defaults();
            int[] channels = levels == c.channels().length ? c.channels() : c.channelsForWideDefects();
            SegmentationModel model = Models.segmentationModel(channels,
                    List.of(new AnomalyClass("cracked", HexColor.parse("#23A436"))), new double[] {0.5},
                    RegionClassifier.NONE);
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
