package dev.loupe.engine.network;

import java.util.Arrays;

/**
 * A named block of weights as plain Java: a shape and row-major floats. Immutable (copied in and
 * out), so a trained model can be shared between threads and written to an archive.
 */
public final class Tensor {
    private final long[] shape;
    private final float[] data;

    public Tensor(long[] shape, float[] data) {
        long n = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("bad shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data.clone();
    }

    public long[] shape() {
        return shape.clone();
    }

    public float[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    /** Reads value i without copying. */
    public float get(int i) {
        return data[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
