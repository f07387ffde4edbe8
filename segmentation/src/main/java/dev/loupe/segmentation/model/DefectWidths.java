package dev.loupe.segmentation.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide the training masks' defects are, to choose the network's depth and the training's
 * length from the data.
 *
 * <p>A defect's width is a connected region's area over its bounding box's diagonal: the stroke
 * width of a straight scratch, about three quarters of the diameter of a round blob. A class's
 * width is the median over its regions, in pixels of the network input.
 *
 * <p>Why it matters: a deeper network sees more of the image around each pixel, which outlines a
 * large missing piece (cookie "cracked", 13 px at 192x192: a fifth level lifted the mean AIOU over
 * three seeds from 0.607 to 0.651 and the pixel AUROC from 0.984 to 0.997), and loses the fine
 * grid that a scratch of two or three pixels needs (synthetic washers: scratch AIOU 0.555 -> 0.388
 * and 0.248 -> 0.194 with a fifth level).
 *
 * <p>Thin defects are also learnt last: a few hundred pixels of line among millions of
 * background ones, which the loss averages away. On the synthetic washers, twice the 60 epochs
 * that suit cookie's missing pieces raised the mean class AIOU at each of three seeds (0.748 ->
 * 0.784 on average, the scratches 0.572 -> 0.615; docs/benchmarks.md, "Thin defects are learnt
 * late").
 * Stateless.
 */
final class DefectWidths {
    /**
     * Classes whose median defect is at least this wide (input pixels) all, and the network gets a
     * level more. Between the thin classes measured (2.0 and 2.7 px: the washers' scratches and
     * cracks) and the blobs (9.6 to 18 px: holes, stains, cookie's missing pieces).
     */
    static final double WIDE = 6;
    /** Regions smaller than this are annotation specks, not defects. */
    private static final int MIN_AREA = 4;

    private DefectWidths() {
    }

    /**
     * The median defect width of the narrowest class that has any defect, or NaN when the masks
     * hold none.
     *
     * @param masks   class indexes (0 background, 1..classes) of {@code size x size} pixels
     */
    static double narrowestClass(List<byte[]> masks, int size, int classes) {
        List<List<Double>> widths = new ArrayList<>();
        for (int c = 0; c <= classes; c++) {
            widths.add(new ArrayList<>());
        }
        int[] queue = new int[size * size];
        for (byte[] mask : masks) {
            boolean[] seen = new boolean[size * size];
            for (int start = 0; start < mask.length; start++) {
                int c = mask[start] & 0xFF;
                if (c == 0 || seen[start]) {
                    continue;
                }
                // Flood fill of one eight-connected region of class c.
                int head = 0;
                int tail = 0;
                queue[tail++] = start;
                seen[start] = true;
                int minX = size;
                int maxX = -1;
                int minY = size;
                int maxY = -1;
                while (head < tail) {
                    int p = queue[head++];
                    int x = p % size;
                    int y = p / size;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < size && ny < size) {
                                int n = ny * size + nx;
                                if (!seen[n] && (mask[n] & 0xFF) == c) {
                                    seen[n] = true;
                                    queue[tail++] = n;
                                }
                            }
                        }
                    }
                }
                if (tail >= MIN_AREA) {
                    widths.get(c).add(tail / Math.hypot(maxX - minX + 1, maxY - minY + 1));
                }
            }
        }
        double narrowest = Double.NaN;
        for (int c = 1; c <= classes; c++) {
            List<Double> w = widths.get(c);
            if (!w.isEmpty()) {
                double[] sorted = w.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double median = sorted[sorted.length / 2];
                narrowest = Double.isNaN(narrowest) ? median : Math.min(narrowest, median);
            }
        }
        return narrowest;
    }

    /**
     * What training runs: the levels and the epochs.
     *
     * @param channels channels of each level, finest first
     */
    record Plan(int[] channels, int epochs) {
    }

    /** How many times the configured epochs thin defects train for. */
    static final int THIN_EPOCH_FACTOR = 2;

    /**
     * The levels and epochs to train. The levels are {@link SegmentationConfig#channelsForWideDefects()}
     * when the configuration allows it, every class's defects are wide and the input divides into
     * the deeper grid; otherwise the configured ones. The extra level has half as many channels
     * again as the last rather than as many: on cookie, over seeds 1 / 2 / 3, a fifth level of 96
     * channels gave AIOU 0.718 / 0.563 / 0.671 and pixel AUROC 0.999 / 0.993 / 0.998, one of 64
     * gave 0.654 / 0.661 / 0.618 and 0.983 / 0.996 / 0.990 (means 0.651 and 0.997 against 0.644
     * and 0.990). The epochs are {@link #THIN_EPOCH_FACTOR} times the configured ones when the
     * configuration allows it and any class's defects are thin; otherwise the configured ones.
     */
    static Plan plan(SegmentationConfig config, List<byte[]> masks, int classes) {
        int size = config.inputSize();
        double narrowest = narrowestClass(masks, size, classes);
        int epochs = config.lengthenForThinDefects() && narrowest < WIDE
                ? config.epochs() * THIN_EPOCH_FACTOR : config.epochs();
        int[] deeper = config.channelsForWideDefects();
        int stride = 1 << (deeper.length - 1);
        if (!config.deepenForWideDefects() || deeper.length > 6 || size % stride != 0 || size / stride < 4
                || !(narrowest >= WIDE)) {
            return new Plan(config.channels(), epochs);
        }
        return new Plan(deeper, epochs);
    }
}
