package dev.loupe.segmentation.model;

import dev.loupe.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The connected regions of a class map (8-connected pixels of one anomaly class) and the
 * descriptors a {@link RegionClassifier} judges them by.
 *
 * <p>The descriptors are what a per-pixel network computes poorly from a few examples: the
 * region's size, elongation and width relative to the image, and its brightness and tint as
 * ratios to the background around it. A ratio, not a difference: a crack that takes 70 % of the
 * light is as dark on dark metal as on a bright ring, while its difference in grey levels is not.
 */
final class DefectRegions {
    static final int FEATURES = 6;
    /** The descriptor that says how much darker (below 0) or brighter the region is than its surroundings. */
    static final int CONTRAST = 3;
    /** Regions smaller than this carry too little shape to describe; they keep the network's class. */
    static final int MIN_PIXELS = 3;
    /** The background around a region: the pixels within this many of it (Chebyshev distance). */
    private static final int RING = 2;
    /** Grey levels as the sum of a pixel's three channels: 0..765. */
    private static final int LEVELS = 3 * 255 + 1;
    /** Added to mean grey levels (0..255) before their ratio, so near-black regions stay finite. */
    private static final double DARK = 5;
    /** The variance of a single pixel's coordinate, the least a region's spread can be. */
    private static final double PIXEL_VARIANCE = 1.0 / 12;

    /**
     * @param classIndex the anomaly class its pixels hold, 1..n
     * @param pixels     its pixel indexes, row-major
     * @param features   its {@value #FEATURES} descriptors
     */
    record Region(int classIndex, int[] pixels, double[] features) {
    }

    private DefectRegions() {
    }

    /**
     * The regions of {@link #MIN_PIXELS} pixels or more.
     *
     * @param classes per pixel of {@code image}, 0 for background or an anomaly class 1..n
     */
    static List<Region> find(RgbImage image, byte[] classes) {
        int w = image.width();
        int h = image.height();
        if (classes.length != w * h) {
            throw new IllegalArgumentException(classes.length + " classes for a " + w + "x" + h + " image");
        }
        // seen[o]: for an anomalous pixel, the region (1-based) that took it; for a background
        // pixel, minus the last region whose surroundings counted it.
        int[] seen = new int[classes.length];
        int[] queue = new int[64];
        int[] levels = new int[LEVELS];
        List<Region> regions = new ArrayList<>();
        int id = 0;
        for (int start = 0; start < classes.length; start++) {
            int c = classes[start];
            if (c == 0 || seen[start] != 0) {
                continue;
            }
            id++;
            int n = 0;
            queue[n++] = start;
            seen[start] = id;
            for (int head = 0; head < n; head++) {
                int o = queue[head];
                int x = o % w;
                int y = o / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (seen[q] == 0 && classes[q] == c) {
                            seen[q] = id;
                            if (n == queue.length) {
                                queue = Arrays.copyOf(queue, n * 2);
                            }
                            queue[n++] = q;
                        }
                    }
                }
            }
            if (n >= MIN_PIXELS) {
                int[] pixels = Arrays.copyOf(queue, n);
                regions.add(new Region(c, pixels, describe(image, classes, pixels, seen, id, levels)));
            }
        }
        return regions;
    }

    /**
     * The descriptors of region {@code id}; {@code seen} marks the background pixels already
     * counted for it, and {@code levels} (all 0, and left so) counts its pixels per grey level.
     */
    private static double[] describe(RgbImage image, byte[] classes, int[] pixels, int[] seen, int id, int[] levels) {
        int w = image.width();
        int h = image.height();
        double sx = 0;
        double sy = 0;
        double[] inside = new double[3];
        for (int o : pixels) {
            sx += o % w;
            sy += o / w;
            int rgb = image.rgb(o % w, o / w);
            add(inside, rgb);
            levels[((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)]++;
        }
        int n = pixels.length;
        double mx = sx / n;
        double my = sy / n;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        double[] around = new double[3];
        int aroundCount = 0;
        for (int o : pixels) {
            double dx = o % w - mx;
            double dy = o / w - my;
            xx += dx * dx;
            yy += dy * dy;
            xy += dx * dy;
            if (interior(o, w, h, seen, id)) {
                continue; // its surroundings are its neighbours', counted from them
            }
            for (int ny = Math.max(0, o / w - RING); ny <= Math.min(h - 1, o / w + RING); ny++) {
                for (int nx = Math.max(0, o % w - RING); nx <= Math.min(w - 1, o % w + RING); nx++) {
                    int q = ny * w + nx;
                    if (classes[q] == 0 && seen[q] != -id) {
                        seen[q] = -id;
                        add(around, image.rgb(nx, ny));
                        aroundCount++;
                    }
                }
            }
        }
        xx /= n;
        yy /= n;
        xy /= n;
        // The principal axis and the spreads along and across it.
        double half = (xx + yy) / 2;
        double root = Math.sqrt(Math.max(0, half * half - (xx * yy - xy * xy)));
        double major = Math.max(PIXEL_VARIANCE, half + root);
        double minor = Math.max(PIXEL_VARIANCE, half - root);
        double angle = 0.5 * Math.atan2(2 * xy, xx - yy);
        double ex = Math.cos(angle);
        double ey = Math.sin(angle);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int o : pixels) {
            double u = (o % w - mx) * ex + (o / w - my) * ey;
            min = Math.min(min, u);
            max = Math.max(max, u);
        }
        double length = max - min + 1;
        double side = Math.sqrt((double) w * h);
        if (aroundCount == 0) {
            // The region fills its surroundings: compare it with itself.
            around = inside.clone();
            aroundCount = n;
        }
        double inSum = inside[0] + inside[1] + inside[2];
        double aroundSum = around[0] + around[1] + around[2];
        return new double[] {
            Math.log(n / ((double) w * h)),
            0.5 * Math.log(major / minor),
            Math.log(n / length / side),
            coreContrast(levels, n, aroundSum / (3.0 * aroundCount)),
            share(inside[0], inSum) - share(around[0], aroundSum),
            share(inside[2], inSum) - share(around[2], aroundSum),
        };
    }

    /**
     * The mean log-ratio of grey level to the surroundings' over the half of the region that
     * departs most from them, darker or brighter. Half, not all: a region detection finds is often
     * twice as wide as the line in it, and its mean would then be half the surroundings' own.
     * Counted from the region's grey levels ({@code levels}, cleared on return), not by sorting its
     * pixels: a large region took longer to sort than the network took to run.
     */
    private static double coreContrast(int[] levels, int n, double around) {
        int half = (n + 1) / 2;
        double dark = 0;
        for (int level = 0, left = half; left > 0; level++) {
            int take = Math.min(left, levels[level]);
            dark += take * ratio(level, around);
            left -= take;
        }
        double bright = 0;
        for (int level = LEVELS - 1, left = half; left > 0; level--) {
            int take = Math.min(left, levels[level]);
            bright += take * ratio(level, around);
            left -= take;
        }
        Arrays.fill(levels, 0);
        return (Math.abs(dark) > Math.abs(bright) ? dark : bright) / half;
    }

    /** The log-ratio of a grey level, given as the sum of a pixel's three channels, to {@code around} (0..255). */
    private static double ratio(int level, double around) {
        return Math.log((level / 3.0 + DARK) / (around + DARK));
    }

    /** Whether all eight neighbours of {@code o} are in region {@code id} (so none is background). */
    private static boolean interior(int o, int w, int h, int[] seen, int id) {
        int x = o % w;
        int y = o / w;
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
            return false;
        }
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (seen[o + dy * w + dx] != id) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void add(double[] sums, int rgb) {
        sums[0] += (rgb >> 16) & 0xFF;
        sums[1] += (rgb >> 8) & 0xFF;
        sums[2] += rgb & 0xFF;
    }

    /** A channel's share of the brightness: its tint, whatever the light. A grey region gives 1/3. */
    private static double share(double channel, double sum) {
        return sum > 0 ? channel / sum : 1.0 / 3;
    }
}
