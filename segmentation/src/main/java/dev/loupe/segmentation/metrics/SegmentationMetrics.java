package dev.loupe.segmentation.metrics;

import dev.loupe.engine.metrics.Confusion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Accumulates the segmentation metrics of a test set, one image at a time.
 *
 * <pre>{@code
 * SegmentationMetrics m = new SegmentationMetrics(List.of("scratch", "dent"));
 * for (TestImage t : testSet) {
 *     m.add(t.truth(), t.predicted(), t.anomalyScore()); // class indexes, and scores or null
 * }
 * List<PixelClassMetrics> perClass = m.perClass();
 * double auroc = m.pixelAuroc();
 * long missed = m.pixelConfusion().count("scratch", "background");
 * }</pre>
 *
 * <p>Pixels hold class indexes (unsigned bytes): 0 is background and {@code k >= 1} is
 * {@code classNames.get(k - 1)}. For each class c, over all pixels of all added images:
 * <ul>
 *   <li>TP = predicted c and truth c; FP = predicted c and truth not c; FN = truth c and
 *       predicted not c;</li>
 *   <li>precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2PR / (P + R); a zero
 *       denominator gives 0 (the service does not document this case; 0 is inferred);</li>
 *   <li>AIOU = the mean, over the added images whose truth contains c, of
 *       |pred = c ∩ truth = c| / |pred = c ∪ truth = c|, summed in the order the images were
 *       added; 0 when no image contains c;</li>
 *   <li>imagesWithClass = the images whose truth contains c; imagesFound = those of them whose
 *       prediction has at least one pixel of c.</li>
 * </ul>
 *
 * <p>The pixel ROC AUC ranks the anomaly scores of every pixel of the images added with scores,
 * positive meaning truth not background. It is the Mann-Whitney statistic (a tied positive and
 * negative pair counts one half) of the scores <em>compared at a resolution of 1/65536</em>:
 * score s falls in bin {@code floor(s * 65536)} (1 in the last bin, scores outside 0..1 clamped
 * to it), and scores in the same bin count as tied. Counting bins rather than keeping scores
 * keeps the memory at two tables of 65536 counts (1 MiB, allocated when scores first arrive)
 * however many pixels are added, and the result is exact for the quantised scores; against the
 * raw scores it can differ by at most half the share of positive-negative pairs that share a bin
 * without being equal.
 *
 * <p>Not thread-safe: one accumulator per evaluation.
 */
public final class SegmentationMetrics {
    /** Histogram bins of the pixel scores: 16 bits. */
    static final int BINS = 1 << 16;

    private final List<String> classNames;
    private final int stride;
    /** Pixels of all images by truth (row) and prediction (column), {@code stride} wide. */
    private final long[] confusion;
    private final double[] iouSum;
    private final int[] imagesWithClass;
    private final int[] imagesFound;
    /** Scratch: one image's pixels by truth and prediction, 256 wide so any byte pair fits. */
    private final int[] image = new int[256 * 256];
    private long[] positiveScores;
    private long[] negativeScores;
    private long pixels;
    private int images;

    /**
     * @param classNames the anomaly classes; index {@code k >= 1} of a mask is {@code classNames.get(k - 1)}
     * @throws IllegalArgumentException when there are more than 255 classes (they would not fit a byte)
     */
    public SegmentationMetrics(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        if (this.classNames.size() > 255) {
            throw new IllegalArgumentException("at most 255 classes fit a mask, got " + classNames.size());
        }
        stride = this.classNames.size() + 1;
        confusion = new long[stride * stride];
        iouSum = new double[stride];
        imagesWithClass = new int[stride];
        imagesFound = new int[stride];
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * Adds one test image. Nothing is added when it throws.
     *
     * @param truth        the true class index of each pixel
     * @param predicted    the predicted class index of each pixel, at the same resolution
     * @param anomalyScore each pixel's anomaly score in 0..1 for the pixel ROC AUC, or null
     * @throws IllegalArgumentException when the lengths differ, an index names no class, or a score is NaN
     */
    public void add(byte[] truth, byte[] predicted, float[] anomalyScore) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " pixels, prediction " + predicted.length);
        }
        if (anomalyScore != null) {
            if (anomalyScore.length != truth.length) {
                throw new IllegalArgumentException("truth has " + truth.length + " pixels, scores " + anomalyScore.length);
            }
            for (int i = 0; i < anomalyScore.length; i++) {
                if (Float.isNaN(anomalyScore[i])) {
                    throw new IllegalArgumentException("anomaly score of pixel " + i + " is NaN");
                }
            }
        }
        Arrays.fill(image, 0);
        for (int i = 0; i < truth.length; i++) {
            image[(truth[i] & 0xFF) << 8 | (predicted[i] & 0xFF)]++;
        }
        long[] truthCount = new long[256];
        long[] predictedCount = new long[256];
        for (int t = 0; t < 256; t++) {
            for (int p = 0; p < 256; p++) {
                truthCount[t] += image[t << 8 | p];
                predictedCount[p] += image[t << 8 | p];
            }
        }
        for (int k = stride; k < 256; k++) {
            if (truthCount[k] > 0 || predictedCount[k] > 0) {
                throw new IllegalArgumentException((truthCount[k] > 0 ? "truth" : "prediction") + " has class index "
                        + k + " but only " + classNames.size() + " classes are known");
            }
        }

        for (int t = 0; t < stride; t++) {
            for (int p = 0; p < stride; p++) {
                confusion[t * stride + p] += image[t << 8 | p];
            }
        }
        for (int c = 1; c < stride; c++) {
            if (truthCount[c] == 0) {
                continue;
            }
            long intersection = image[c << 8 | c];
            long union = truthCount[c] + predictedCount[c] - intersection;
            iouSum[c] += intersection / (double) union;
            imagesWithClass[c]++;
            if (predictedCount[c] > 0) {
                imagesFound[c]++;
            }
        }
        if (anomalyScore != null) {
            addScores(truth, anomalyScore);
        }
        pixels += truth.length;
        images++;
    }

    private void addScores(byte[] truth, float[] score) {
        if (positiveScores == null) {
            positiveScores = new long[BINS];
            negativeScores = new long[BINS];
        }
        for (int i = 0; i < truth.length; i++) {
            (truth[i] != 0 ? positiveScores : negativeScores)[bin(score[i])]++;
        }
    }

    /** The histogram bin of a score; {@code s * 65536} is exact in float, so this is a true floor. */
    static int bin(float s) {
        if (s >= 1f) {
            return BINS - 1;
        }
        return s > 0f ? (int) (s * BINS) : 0;
    }

    /** The metrics of each anomaly class, in the order of the class names. */
    public List<PixelClassMetrics> perClass() {
        List<PixelClassMetrics> out = new ArrayList<>(classNames.size());
        for (int c = 1; c < stride; c++) {
            long tp = confusion[c * stride + c];
            long truthC = 0;
            long predictedC = 0;
            for (int k = 0; k < stride; k++) {
                truthC += confusion[c * stride + k];
                predictedC += confusion[k * stride + c];
            }
            long fp = predictedC - tp;
            long fn = truthC - tp;
            Confusion m = new Confusion(tp, fp, pixels - tp - fp - fn, fn);
            double aiou = imagesWithClass[c] == 0 ? 0 : iouSum[c] / imagesWithClass[c];
            out.add(new PixelClassMetrics(classNames.get(c - 1), m.precision(), m.recall(), m.f1(), aiou,
                    imagesWithClass[c], imagesFound[c]));
        }
        return out;
    }

    /** The pixels of all added images by true and predicted class, background first. */
    public PixelConfusion pixelConfusion() {
        List<String> names = new ArrayList<>(stride);
        names.add(PixelConfusion.BACKGROUND);
        names.addAll(classNames);
        long[][] counts = new long[stride][stride];
        for (int t = 0; t < stride; t++) {
            System.arraycopy(confusion, t * stride, counts[t], 0, stride);
        }
        return new PixelConfusion(names, counts);
    }

    /**
     * The pixel ROC AUC of the scores added (see the class description for the 1/65536
     * resolution); NaN when no scores were added or their pixels are all of one kind.
     */
    public double pixelAuroc() {
        if (positiveScores == null) {
            return Double.NaN;
        }
        long positives = 0;
        long negatives = 0;
        for (int b = 0; b < BINS; b++) {
            positives += positiveScores[b];
            negatives += negativeScores[b];
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // Twice the Mann-Whitney U, in integers: each positive beats the negatives in lower bins
        // (2 each) and ties those in its own bin (1 each). Exact arithmetic fails loudly rather than
        // wrapping, which would take some 3 billion pixels.
        long twiceU = 0;
        long negativesBelow = 0;
        for (int b = 0; b < BINS; b++) {
            if (positiveScores[b] != 0) {
                twiceU = Math.addExact(twiceU,
                        Math.multiplyExact(positiveScores[b], 2 * negativesBelow + negativeScores[b]));
            }
            negativesBelow += negativeScores[b];
        }
        return twiceU / (2.0 * positives * (double) negatives);
    }

    /** The pixels added, over all images. */
    public long pixels() {
        return pixels;
    }

    /** The images added. */
    public int images() {
        return images;
    }
}
