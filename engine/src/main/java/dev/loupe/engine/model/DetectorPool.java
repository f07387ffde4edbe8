package dev.loupe.engine.model;

import dev.loupe.engine.image.RgbImage;

/**
 * {@link Detector}s for one classification model serving any number of threads (a {@link Pool}):
 * it starts with {@code min} detectors and grows under load up to {@code max}; with N
 * detectors, N calls run at once.
 *
 * <pre>{@code
 * try (DetectorPool pool = new DetectorPool(model, 1, 4)) {
 *     Detection d = pool.detect(bytes);      // from any thread
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} waits for the detectors in use to come back, then closes all.
 */
public final class DetectorPool implements AutoCloseable {
    private final TrainedModel model;
    private final Pool<Detector> pool;

    /** A pool of exactly {@code size} detectors. */
    public DetectorPool(TrainedModel model, int size) {
        this(model, size, size);
    }

    /** A pool of {@code min} detectors that grows under load up to {@code max}. */
    public DetectorPool(TrainedModel model, int min, int max) {
        this.model = model;
        this.pool = new Pool<>(() -> Detector.open(model), min, max);
    }

    public TrainedModel model() {
        return model;
    }

    /** The detectors opened so far. */
    public int size() {
        return pool.size();
    }

    public int maxSize() {
        return pool.maxSize();
    }

    public Detection detect(byte[] encoded) {
        return pool.with(d -> d.detect(encoded));
    }

    public Detection detect(RgbImage image) {
        return pool.with(d -> d.detect(image));
    }

    @Override
    public void close() {
        pool.close();
    }
}
