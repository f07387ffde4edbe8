package dev.loupe.engine.model;

import dev.loupe.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;

/**
 * A set of {@link Detector}s serving any number of threads: each call borrows a detector,
 * waiting while all are busy. It starts with {@code min} detectors and, when a call finds all of
 * them busy, opens another, up to {@code max}: with N detectors, N calls run at once.
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
    private final LinkedBlockingDeque<Detector> idle = new LinkedBlockingDeque<>();
    private final List<Detector> all = new ArrayList<>();
    private final TrainedModel model;
    private final int max;
    private volatile boolean closed;

    /** A pool of exactly {@code size} detectors. */
    public DetectorPool(TrainedModel model, int size) {
        this(model, size, size);
    }

    /** A pool of {@code min} detectors that grows under load up to {@code max}. */
    public DetectorPool(TrainedModel model, int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a pool needs 1 <= min <= max detectors, got min " + min + ", max " + max);
        }
        this.model = model;
        this.max = max;
        for (int i = 0; i < min; i++) {
            Detector d = Detector.open(model);
            all.add(d);
            idle.add(d);
        }
    }

    public TrainedModel model() {
        return model;
    }

    /** The detectors opened so far. */
    public synchronized int size() {
        return all.size();
    }

    /** The most detectors the pool will open. */
    public int maxSize() {
        return max;
    }

    public Detection detect(byte[] encoded) {
        return withDetector(d -> d.detect(encoded));
    }

    public Detection detect(RgbImage image) {
        return withDetector(d -> d.detect(image));
    }

    private <T> T withDetector(Function<Detector, T> work) {
        if (closed) {
            throw new IllegalStateException("detector pool closed");
        }
        Detector d = idle.pollFirst();
        if (d == null) {
            d = grow();
        }
        if (d == null) {
            try {
                d = idle.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a detector", e);
            }
        }
        try {
            return work.apply(d);
        } finally {
            // Most recently used first: under light load the same few detectors stay warm.
            idle.addFirst(d);
        }
    }

    /** A new detector when the pool may still grow, else null. */
    private synchronized Detector grow() {
        if (closed || all.size() >= max) {
            return null;
        }
        Detector d = Detector.open(model);
        all.add(d);
        return d;
    }

    @Override
    public void close() {
        List<Detector> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = List.copyOf(all);
        }
        for (int i = 0; i < toClose.size(); i++) {
            try {
                idle.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        toClose.forEach(Detector::close);
    }
}
