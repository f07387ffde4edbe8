package dev.loupe.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A set of single-threaded workers (detectors) serving any number of threads: each call
 * borrows one, waiting while all are busy. It starts with {@code min} and, when a call finds all
 * of them busy, opens another, up to {@code max}.
 *
 * <pre>{@code
 * try (Pool<Detector> pool = new Pool<>(() -> Detector.open(model), 1, 4)) {
 *     Detection d = pool.with(detector -> detector.detect(bytes));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} waits for the workers in use to come back, then closes all.
 *
 * @param <T> the worker type
 */
public final class Pool<T extends AutoCloseable> implements AutoCloseable {
    private final LinkedBlockingDeque<T> idle = new LinkedBlockingDeque<>();
    private final List<T> all = new ArrayList<>();
    private final Supplier<T> factory;
    private final int max;
    private volatile boolean closed;

    public Pool(Supplier<T> factory, int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a pool needs 1 <= min <= max workers, got min " + min + ", max " + max);
        }
        this.factory = factory;
        this.max = max;
        for (int i = 0; i < min; i++) {
            T worker = factory.get();
            all.add(worker);
            idle.add(worker);
        }
    }

    /** The workers opened so far. */
    public synchronized int size() {
        return all.size();
    }

    public int maxSize() {
        return max;
    }

    /**
     * Runs {@code work} on a borrowed worker.
     *
     * @throws IllegalStateException when the pool is closed
     */
    public <R> R with(Function<T, R> work) {
        if (closed) {
            throw new IllegalStateException("pool closed");
        }
        T worker = idle.pollFirst();
        if (worker == null) {
            worker = grow();
        }
        if (worker == null) {
            try {
                worker = idle.takeFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", e);
            }
        }
        try {
            return work.apply(worker);
        } finally {
            // Most recently used first: under light load the same few workers stay warm.
            idle.addFirst(worker);
        }
    }

    private synchronized T grow() {
        if (closed || all.size() >= max) {
            return null;
        }
        T worker = factory.get();
        all.add(worker);
        return worker;
    }

    @Override
    public void close() {
        List<T> toClose;
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
        for (T worker : toClose) {
            try {
                worker.close();
            } catch (Exception e) {
                // Closing releases native memory; a failure here leaves nothing to recover.
                throw new IllegalStateException("could not close a pooled worker", e);
            }
        }
    }
}
