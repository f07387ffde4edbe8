package dev.loupe.jmh;

import dev.loupe.engine.appearance.AppearanceFeatures;
import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.Resizer;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.model.Detection;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.DetectorPool;
import dev.loupe.testdata.GeneratedDataset;
import java.io.IOException;
import java.nio.file.Files;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Detection of a 576x768 JPEG, from encoded bytes to a {@link Detection}: decode, resize,
 * appearance term, network, calibration, heat map. {@code detect}: one thread with its own detector (the target is
 * 30 ms on the 2-core CI machine); {@code pooled}: two threads sharing a two-detector pool
 * (throughput should be close to twice one thread's).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectBenchmark {

    /** One JPEG and the encoded bytes, per trial. */
    @State(Scope.Benchmark)
    public static class Image {
        byte[] jpeg;
        DetectorPool pool;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            GeneratedDataset d = Models.cookieSized(1, 0);
            jpeg = Files.readAllBytes(d.root().resolve("images/train/normal-0001.jpg"));
            pool = new DetectorPool(Models.standardModel(), 2);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    /** A detector per thread, as the pool would hand out. */
    @State(Scope.Thread)
    public static class OwnDetector {
        Detector detector;

        @Setup(Level.Trial)
        public void setUp() {
            detector = Detector.open(Models.standardModel());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            detector.close();
        }
    }

    @Benchmark
    @Threads(1)
    public Detection detect(Image image, OwnDetector own) {
        return own.detector.detect(image.jpeg);
    }

    @Benchmark
    @Threads(2)
    public Detection pooled(Image image) {
        return image.pool.detect(image.jpeg);
    }

    @Benchmark
    @Threads(1)
    public void decodeOnly(Image image, Blackhole bh) {
        bh.consume(ImageDecoder.service().decode(image.jpeg));
    }

    /** The appearance term's share of {@code detect}: describing the 128x128 input and its distance. */
    @Benchmark
    @Threads(1)
    public double appearanceOnly(Appearance a) {
        a.looks.describe(a.planar, a.description);
        return a.model.fusion().orElseThrow().appearance().distance(a.description);
    }

    /** The resized input of the JPEG and the buffers a detector keeps. */
    @State(Scope.Thread)
    public static class Appearance {
        TrainedModel model;
        AppearanceFeatures looks;
        float[] planar;
        double[] description = new double[AppearanceFeatures.LENGTH];

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            model = Models.standardModel();
            GeneratedDataset d = Models.cookieSized(1, 0);
            RgbImage image = ImageDecoder.service().decode(Files.readAllBytes(d.root().resolve("images/train/normal-0001.jpg")));
            planar = Resizer.toPlanar(image, model.inputSize());
            looks = new AppearanceFeatures(model.inputSize());
        }
    }
}
