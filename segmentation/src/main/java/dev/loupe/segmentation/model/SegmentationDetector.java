package dev.loupe.segmentation.model;

import dev.loupe.engine.image.ImageDecoder;
import dev.loupe.engine.image.Resizer;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.HexColor;
import dev.loupe.segmentation.network.SegmentationArchitecture;
import dev.loupe.segmentation.network.SegmentationForward;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers images for one segmentation model.
 *
 * <pre>{@code
 * try (SegmentationDetector d = SegmentationDetector.open(model)) {
 *     SegmentationResult r = d.detect(Files.readAllBytes(path));
 *     r.anomalies();   // background first, then each class found
 *     r.maskPng();     // the colour mask
 * }
 * }</pre>
 *
 * <p>A pixel is anomalous when its anomaly probability (one minus background's) passes the
 * model's pixel threshold; it then takes the most probable anomaly class. The anomaly probability is interpolated to the
 * image's own size, so thin shapes keep their outline instead of the network's pixel grid. A model
 * with an active {@link RegionClassifier} then settles the class of each connected region.
 *
 * <p>Not thread-safe: one per thread. {@link #close()} releases native memory.
 */
public final class SegmentationDetector implements AutoCloseable {
    /** The image score is the mean anomaly probability of this share of the most anomalous pixels. */
    static final double TOP_SHARE = 0.002;

    private final SegmentationModel model;
    private final SegmentationForward network;
    private final ImageDecoder decoder = ImageDecoder.service();
    private final float[] input;
    private final List<HexColor> colors;
    /** Indexed by class 1..n; [0] unused. */
    private final float[] thresholds;

    private SegmentationDetector(SegmentationModel model) {
        this.model = model;
        this.network = new SegmentationForward(model.weights());
        this.input = new float[3 * model.inputSize() * model.inputSize()];
        this.colors = model.classes().stream().map(AnomalyClass::color).toList();
        this.thresholds = byClass(model.pixelThresholds());
    }

    /** The pixel thresholds indexed by class 1..n, as {@link #classMap} takes them. */
    static float[] byClass(double[] pixelThresholds) {
        float[] t = new float[pixelThresholds.length + 1];
        for (int c = 0; c < pixelThresholds.length; c++) {
            t[c + 1] = (float) pixelThresholds[c];
        }
        return t;
    }

    public static SegmentationDetector open(SegmentationModel model) {
        return new SegmentationDetector(model);
    }

    public SegmentationModel model() {
        return model;
    }

    /**
     * Decodes PNG or JPEG bytes under the service's limits and answers them.
     *
     * @throws dev.loupe.engine.image.InvalidImageException for bytes the service would refuse
     */
    public SegmentationResult detect(byte[] encoded) {
        return detect(decoder.decode(encoded));
    }

    public SegmentationResult detect(RgbImage image) {
        SegmentationArchitecture a = model.weights().architecture();
        int s = a.inputSize();
        Resizer.toPlanar(image, s, input);
        model.normalization().apply(input);
        float[] p = network.probabilities(input);
        double raw = imageScore(p, a);
        double score = model.calibration().normalise(raw);
        boolean anomalous = model.calibration().isAnomalous(raw);
        int w = image.width();
        int h = image.height();
        float[] anomaly = new float[w * h];
        byte[] classes = classMap(p, a, w, h, thresholds, anomaly);
        if (model.regions().active()) {
            model.regions().relabel(image, classes, p, a);
        }
        long[] counts = new long[a.outputs()];
        for (byte c : classes) {
            counts[c]++;
        }
        List<SegmentationResult.ClassArea> areas = new ArrayList<>();
        double total = (double) w * h;
        areas.add(new SegmentationResult.ClassArea("background", counts[0] / total, HexColor.WHITE));
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > 0) {
                AnomalyClass k = model.classes().get(c - 1);
                areas.add(new SegmentationResult.ClassArea(k.name(), counts[c] / total, k.color()));
            }
        }
        return new SegmentationResult(anomalous, anomalous ? score : 1 - score, score, raw, w, h, areas, classes,
                anomaly, colors);
    }

    /**
     * Each pixel's class at an image's own size (0 for background): its most probable anomaly
     * class when its anomaly probability, written to {@code anomaly}, passes that class's threshold.
     *
     * @param thresholds indexed by class 1..n ({@link #byClass})
     */
    static byte[] classMap(float[] p, SegmentationArchitecture a, int w, int h, float[] thresholds, float[] anomaly) {
        byte[] classes = new byte[w * h];
        toImageSize(p, a, w, h, anomaly, classes);
        for (int o = 0; o < classes.length; o++) {
            if (anomaly[o] <= thresholds[classes[o]]) {
                classes[o] = 0;
            }
        }
        return classes;
    }

    /**
     * The network's answer at an image's own size: each pixel's anomaly probability (one minus
     * background's, interpolated bilinearly) and its most probable anomaly class (nearest), before
     * any threshold. Detection thresholds these; training fits the thresholds on the same maps, at
     * the resolution the masks are judged at.
     */
    static void toImageSize(float[] p, SegmentationArchitecture a, int w, int h, float[] anomaly, byte[] bestClass) {
        int s = a.inputSize();
        byte[] best = bestClasses(p, a);
        // The columns' sources are the same on every row: worked out once.
        int[] left = new int[w];
        int[] right = new int[w];
        float[] weight = new float[w];
        int[] nearest = new int[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.max(0, Math.min(s - 1, (x + 0.5) * s / w - 0.5));
            left[x] = (int) fx;
            right[x] = Math.min(left[x] + 1, s - 1);
            weight[x] = (float) (fx - left[x]);
            nearest[x] = Math.min(s - 1, (int) ((x + 0.5) * s / w));
        }
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(s - 1, (y + 0.5) * s / h - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, s - 1);
            float ty = (float) (fy - y0);
            int row0 = y0 * s;
            int row1 = y1 * s;
            int rowNearest = Math.min(s - 1, (int) ((y + 0.5) * s / h)) * s;
            int o = y * w;
            for (int x = 0; x < w; x++, o++) {
                float tx = weight[x];
                float top = p[row0 + left[x]] * (1 - tx) + p[row0 + right[x]] * tx;
                float bottom = p[row1 + left[x]] * (1 - tx) + p[row1 + right[x]] * tx;
                anomaly[o] = 1 - (top * (1 - ty) + bottom * ty);
                bestClass[o] = best[rowNearest + nearest[x]];
            }
        }
    }

    /** The most probable anomaly class (1..n) of each network pixel, whatever background's probability. */
    static byte[] bestClasses(float[] p, SegmentationArchitecture a) {
        int plane = a.inputSize() * a.inputSize();
        byte[] best = new byte[plane];
        for (int i = 0; i < plane; i++) {
            int c = 1;
            for (int k = 2; k <= a.classes(); k++) {
                if (p[k * plane + i] > p[c * plane + i]) {
                    c = k;
                }
            }
            best[i] = (byte) c;
        }
        return best;
    }

    /** The mean anomaly probability (1 - background) of the most anomalous {@link #TOP_SHARE} of pixels. */
    static double imageScore(float[] probabilities, SegmentationArchitecture a) {
        int plane = a.inputSize() * a.inputSize();
        int k = Math.max(8, (int) Math.ceil(plane * TOP_SHARE));
        // The k largest anomaly probabilities, kept in a min-heap: a full sort of the plane cost
        // more than the rest of the score on the detection path.
        float[] heap = new float[k];
        Arrays.fill(heap, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < plane; i++) {
            float v = 1 - probabilities[i];
            if (v > heap[0]) {
                heap[0] = v;
                siftDown(heap);
            }
        }
        // Summed in ascending order, as the sorted plane was, so the score is the same to the bit.
        Arrays.sort(heap);
        double sum = 0;
        for (float v : heap) {
            sum += v;
        }
        return sum / k;
    }

    private static void siftDown(float[] heap) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= heap.length) {
                return;
            }
            int smaller = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[i] <= heap[smaller]) {
                return;
            }
            float t = heap[i];
            heap[i] = heap[smaller];
            heap[smaller] = t;
            i = smaller;
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
