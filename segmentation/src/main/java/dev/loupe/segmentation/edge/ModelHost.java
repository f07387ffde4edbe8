package dev.loupe.segmentation.edge;

import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.InvalidArchiveException;
import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.Pool;
import dev.loupe.engine.model.TrainedModel;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationModel;
import java.util.function.Function;

/**
 * Any model archive, classification or segmentation, served by a pool of detectors and answered
 * in the shape of DetectAnomalies: the one place that knows how each model type turns into the
 * service's result. The facade hosts models with it; {@link EdgeDetector} wraps it.
 *
 * <pre>{@code
 * try (ModelHost host = ModelHost.open(Files.readAllBytes(archive), "model.loupe", 1, 4)) {
 *     EdgeResult r = host.detect(imageBytes);
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@code min} detectors, growing under load to {@code max}. {@link #close()}
 * waits for calls in flight and releases native memory.
 */
public final class ModelHost implements AutoCloseable {
    private final String modelType;
    private final Pool<? extends AutoCloseable> pool;
    private final Function<byte[], EdgeResult> detect;

    private <T extends AutoCloseable> ModelHost(String modelType, Pool<T> pool, Function<T, Function<byte[], EdgeResult>> answer) {
        this.modelType = modelType;
        this.pool = pool;
        this.detect = bytes -> pool.with(worker -> answer.apply(worker).apply(bytes));
    }

    /**
     * @throws InvalidArchiveException when the archive is damaged, newer, or of an unknown model type
     */
    public static ModelHost open(byte[] archive, String name, int min, int max) {
        String type = ArchiveContainer.modelType(archive, name);
        if (type.equals(TrainedModel.CLASSIFICATION)) {
            TrainedModel model = ModelArchive.fromBytes(archive, name);
            return new ModelHost(type, new Pool<>(() -> Detector.open(model), min, max),
                    d -> bytes -> EdgeResult.of(d.detect(bytes)));
        }
        if (type.equals(SegmentationModel.SEGMENTATION)) {
            SegmentationModel model = SegmentationArchive.fromBytes(archive, name);
            return new ModelHost(type, new Pool<>(() -> SegmentationDetector.open(model), min, max),
                    d -> bytes -> EdgeResult.of(d.detect(bytes)));
        }
        throw new InvalidArchiveException(name + ": unknown model type \"" + type + "\"");
    }

    /** {@code classification} or {@code segmentation}. */
    public String modelType() {
        return modelType;
    }

    /**
     * Analyses PNG or JPEG bytes.
     *
     * @throws dev.loupe.engine.image.InvalidImageException for bytes the service would refuse
     * @throws IllegalStateException when the host is closed
     */
    public EdgeResult detect(byte[] image) {
        return detect.apply(image);
    }

    @Override
    public void close() {
        pool.close();
    }
}
