package dev.loupe.testdata;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.List;

/**
 * A float RGB picture (0..1 per channel) and the class mask painted with it. Confined to the
 * thread rendering one image.
 */
final class Canvas {
    final int width;
    final int height;
    final float[] r;
    final float[] g;
    final float[] b;
    /** 0 = background, otherwise 1 + the DefectClass ordinal. */
    final byte[] mask;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        r = new float[n];
        g = new float[n];
        b = new float[n];
        mask = new byte[n];
    }

    void set(int i, float red, float green, float blue) {
        r[i] = red;
        g[i] = green;
        b[i] = blue;
    }

    /** Blends {@code (red, green, blue)} over pixel i with weight {@code alpha}. */
    void blend(int i, float red, float green, float blue, float alpha) {
        r[i] += (red - r[i]) * alpha;
        g[i] += (green - g[i]) * alpha;
        b[i] += (blue - b[i]) * alpha;
    }

    /** Scales pixel i's brightness. */
    void shade(int i, float factor) {
        r[i] *= factor;
        g[i] *= factor;
        b[i] *= factor;
    }

    void mark(int i, DefectClass defect) {
        mask[i] = (byte) (defect.ordinal() + 1);
    }

    boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** The picture with 8-bit RGB, clamped. */
    BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                row[x] = to8(r[i]) << 16 | to8(g[i]) << 8 | to8(b[i]);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return img;
    }

    /**
     * The mask as Ground Truth writes it: a palette PNG whose index 0 is transparent black and
     * whose other entries are the class colours, opaque.
     */
    BufferedImage toMaskImage() {
        List<DefectClass> all = List.of(DefectClass.values());
        int n = all.size() + 1;
        byte[] rr = new byte[n];
        byte[] gg = new byte[n];
        byte[] bb = new byte[n];
        byte[] aa = new byte[n];
        for (int k = 0; k < all.size(); k++) {
            int rgb = all.get(k).color().rgb();
            rr[k + 1] = (byte) (rgb >> 16);
            gg[k + 1] = (byte) (rgb >> 8);
            bb[k + 1] = (byte) rgb;
            aa[k + 1] = (byte) 0xFF;
        }
        IndexColorModel cm = new IndexColorModel(8, n, rr, gg, bb, aa);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, cm);
        WritableRaster raster = img.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = mask[y * width + x];
            }
            raster.setSamples(0, y, width, 1, 0, row);
        }
        return img;
    }

    private static int to8(float v) {
        int q = Math.round(v * 255f);
        return q < 0 ? 0 : Math.min(255, q);
    }
}
