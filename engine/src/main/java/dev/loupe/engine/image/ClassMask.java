package dev.loupe.engine.image;

/**
 * A per-pixel class map: 0 is background, {@code i > 0} the i-th anomaly class of the class list
 * it was decoded against. Immutable.
 */
public final class ClassMask {
    private final int width;
    private final int height;
    private final byte[] classes;

    private ClassMask(int width, int height, byte[] classes) {
        if (classes.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " class indexes, got " + classes.length);
        }
        this.width = width;
        this.height = height;
        this.classes = classes;
    }

    /** A mask from class indexes, row by row (copied). Indexes must be 0..255. */
    public static ClassMask of(int width, int height, byte[] classes) {
        return new ClassMask(width, height, classes.clone());
    }

    static ClassMask wrap(int width, int height, byte[] classes) {
        return new ClassMask(width, height, classes);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The class index at (x, y); 0 is background. */
    public int classAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return classes[y * width + x] & 0xFF;
    }

    /** A copy of the class indexes, row by row. */
    public byte[] toBytes() {
        return classes.clone();
    }

    /** How many pixels have each class index, {@code [0]} being background. */
    public long[] histogram(int classCount) {
        long[] h = new long[classCount + 1];
        for (byte c : classes) {
            int i = c & 0xFF;
            if (i <= classCount) {
                h[i]++;
            }
        }
        return h;
    }

    /** True when every pixel is background. */
    public boolean isEmpty() {
        for (byte c : classes) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }
}
