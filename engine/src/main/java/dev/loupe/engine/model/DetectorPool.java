package dev.loupe.engine.model;

import dev.loupe.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A fixed set of {@link Detector}s serving any number of threads: each call borrows a detector,
 * waiting while all are busy. With N detectors, N calls run at once.
 *
 * <p>Thread-safe. {@link #close()} waits for the detectors in use to come back, then closes all.
 */
public final class DetectorPool implements AutoCloseable {
    private final BlockingQueue<Detector> idle;
    private final List<Detector> all = new ArrayList<>();
    private final TrainedModel model;
    private volatile boolean closed;

    public DetectorPool(TrainedModel model, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one detector, got " + size);
        }
        this.model = model;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Detector d = Detector.open(model);
            all.add(d);
            idle.add(d);
        }
    }

    public TrainedModel model() {
        return model;
    }

    public int size() {
        return all.size();
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
        Detector d;
        try {
            d = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a detector", e);
        }
        try {
            return work.apply(d);
        } finally {
            idle.add(d);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < all.size(); i++) {
            try {
                idle.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        all.forEach(Detector::close);
    }
}
