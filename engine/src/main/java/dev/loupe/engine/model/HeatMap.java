package dev.loupe.engine.model;

/**
 * Where an image looks anomalous: a coarse grid of normalised scores (0.5 at the decision
 * threshold, like the image score) laid over the input image, read at any input pixel by
 * bilinear interpolation. Immutable.
 */
public final class HeatMap {
    private final int gridSize;
    private final float[] cells;
    private final int imageWidth;
    private final int imageHeight;

    public HeatMap(int gridSize, float[] cells, int imageWidth, int imageHeight) {
        if (cells.length != gridSize * gridSize) {
            throw new IllegalArgumentException("expected " + gridSize * gridSize + " cells, got " + cells.length);
        }
        this.gridSize = gridSize;
        this.cells = cells.clone();
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
    }

    public int gridSize() {
        return gridSize;
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    /** The score of grid cell (column, row). */
    public float cell(int column, int row) {
        return cells[row * gridSize + column];
    }

    /** The interpolated score at input pixel (x, y). */
    public float at(int x, int y) {
        double gx = Math.max(0, Math.min(gridSize - 1, (x + 0.5) * gridSize / imageWidth - 0.5));
        double gy = Math.max(0, Math.min(gridSize - 1, (y + 0.5) * gridSize / imageHeight - 0.5));
        int x0 = (int) gx;
        int y0 = (int) gy;
        int x1 = Math.min(x0 + 1, gridSize - 1);
        int y1 = Math.min(y0 + 1, gridSize - 1);
        float fx = (float) (gx - x0);
        float fy = (float) (gy - y0);
        float top = cell(x0, y0) * (1 - fx) + cell(x1, y0) * fx;
        float bottom = cell(x0, y1) * (1 - fx) + cell(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** The map at the input's resolution, row by row. */
    public float[] toImageResolution() {
        float[] out = new float[imageWidth * imageHeight];
        for (int y = 0; y < imageHeight; y++) {
            for (int x = 0; x < imageWidth; x++) {
                out[y * imageWidth + x] = at(x, y);
            }
        }
        return out;
    }

    /**
     * The image with the map laid over it: untouched where the score is low, shading to red where
     * it approaches and passes the threshold, for people to look at.
     */
    public java.awt.image.BufferedImage overlay(dev.loupe.engine.image.RgbImage image) {
        if (image.width() != imageWidth || image.height() != imageHeight) {
            throw new IllegalArgumentException("the map is for a " + imageWidth + "x" + imageHeight + " image");
        }
        java.awt.image.BufferedImage out = image.toBufferedImage();
        for (int y = 0; y < imageHeight; y++) {
            for (int x = 0; x < imageWidth; x++) {
                float alpha = Math.max(0, Math.min(1, (at(x, y) - 0.25f) / 0.5f)) * 0.6f;
                int p = out.getRGB(x, y);
                int r = (int) (((p >> 16) & 0xFF) * (1 - alpha) + 255 * alpha);
                int g = (int) (((p >> 8) & 0xFF) * (1 - alpha));
                int b = (int) ((p & 0xFF) * (1 - alpha));
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }
}
