package dev.loupe.jmh;

import dev.loupe.engine.model.DatasetLoader;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.engine.model.Trainer;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.testdata.GeneratedDataset;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole training run with the default configuration on a cookie-sized set: 63 JPEGs of
 * 576x768 (31 normal, 32 anomalous), decoding included, as {@code loupe evaluate}'s trainSeconds
 * counts it. The target is 60 s on 2 cores.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TrainBenchmark {
    GeneratedDataset dataset;
    Manifest manifest;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataset = Models.cookieSized(31, 32);
        manifest = Manifest.read(dataset.trainManifest());
    }

    @Benchmark
    public TrainedModel train() {
        List<LabeledImage> images = DatasetLoader.load(manifest, ImageLocator.of(dataset.root()));
        return new Trainer(ModelConfig.defaults()).train(images, List.of(), TrainingProgress.Listener.NONE);
    }
}
