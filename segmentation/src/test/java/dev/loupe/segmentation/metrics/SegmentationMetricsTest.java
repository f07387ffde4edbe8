package dev.loupe.segmentation.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {
    private static final List<String> CLASSES = List.of("scratch", "dent", "stain");

    /** One test image: truth, prediction and (maybe null) scores. */
    record Image(byte[] truth, byte[] predicted, float[] scores) {
    }

    /** Per-class figures computed pixel by pixel, the obvious way. */
    static PixelClassMetrics naive(List<Image> images, int c, String name) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double iouSum = 0;
        int withClass = 0;
        int found = 0;
        for (Image im : images) {
            long intersection = 0;
            long union = 0;
            boolean inTruth = false;
            boolean inPrediction = false;
            for (int i = 0; i < im.truth().length; i++) {
                boolean t = im.truth()[i] == c;
                boolean p = im.predicted()[i] == c;
                tp += t && p ? 1 : 0;
                fp += !t && p ? 1 : 0;
                fn += t && !p ? 1 : 0;
                intersection += t && p ? 1 : 0;
                union += t || p ? 1 : 0;
                inTruth |= t;
                inPrediction |= p;
            }
            if (inTruth) {
                withClass++;
                iouSum += intersection / (double) union;
                found += inPrediction ? 1 : 0;
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PixelClassMetrics(name, precision, recall, f1, withClass == 0 ? 0 : iouSum / withClass,
                withClass, found);
    }

    /** O(n^2) reference: the share of (anomalous, normal) pixel pairs ordered right, ties half. */
    static double naiveAuroc(List<Image> images, boolean quantised) {
        List<Double> positives = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (Image im : images) {
            if (im.scores() == null) {
                continue;
            }
            for (int i = 0; i < im.truth().length; i++) {
                float s = im.scores()[i];
                double v = quantised ? SegmentationMetrics.bin(s) : s;
                (im.truth()[i] != 0 ? positives : negatives).add(v);
            }
        }
        double good = 0;
        for (double p : positives) {
            for (double n : negatives) {
                good += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return good / ((double) positives.size() * negatives.size());
    }

    /** Rectangles of random classes on background, so images hold some classes and not others. */
    static byte[] blobs(Random r, int w, int h, int classes, int count) {
        byte[] m = new byte[w * h];
        for (int b = 0; b < count; b++) {
            int c = 1 + r.nextInt(classes);
            int x0 = r.nextInt(w);
            int y0 = r.nextInt(h);
            int x1 = Math.min(w, x0 + 1 + r.nextInt(w / 2));
            int y1 = Math.min(h, y0 + 1 + r.nextInt(h / 2));
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    m[y * w + x] = (byte) c;
                }
            }
        }
        return m;
    }

    /** The truth with some pixels changed to a random class, background included. */
    static byte[] perturbed(Random r, byte[] truth, double rate, int classes) {
        byte[] p = truth.clone();
        for (int i = 0; i < p.length; i++) {
            if (r.nextDouble() < rate) {
                p[i] = (byte) r.nextInt(classes + 1);
            }
        }
        return p;
    }

    static SegmentationMetrics accumulate(List<String> names, List<Image> images) {
        SegmentationMetrics m = new SegmentationMetrics(names);
        images.forEach(im -> m.add(im.truth(), im.predicted(), im.scores()));
        return m;
    }

    @Test
    void perClassFiguresEqualANaiveReferenceOnRandomMasks() {
        Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            // Some trials use only the first classes, so one class is absent from every image.
            int used = 1 + r.nextInt(3);
            List<Image> images = new ArrayList<>();
            for (int n = 1 + r.nextInt(12); n > 0; n--) {
                int w = 4 + r.nextInt(30);
                int h = 4 + r.nextInt(30);
                byte[] truth = blobs(r, w, h, used, r.nextInt(4));
                byte[] predicted = r.nextInt(5) == 0 ? new byte[w * h]
                        : perturbed(r, truth, r.nextDouble() * 0.5, used);
                images.add(new Image(truth, predicted, null));
            }
            SegmentationMetrics m = accumulate(CLASSES, images);
            List<PixelClassMetrics> got = m.perClass();
            assertEquals(3, got.size());
            for (int c = 1; c <= 3; c++) {
                assertEquals(naive(images, c, CLASSES.get(c - 1)), got.get(c - 1), "trial " + trial + ", class " + c);
            }
            assertEquals(images.stream().mapToLong(im -> im.truth().length).sum(), m.pixels());
            assertEquals(images.size(), m.images());
        }
    }

    @Test
    void pixelConfusionCountsEveryPixelByTrueAndPredictedClass() {
        Random r = new Random(17);
        List<Image> images = new ArrayList<>();
        long[][] expected = new long[4][4];
        long pixels = 0;
        for (int n = 0; n < 6; n++) {
            byte[] truth = blobs(r, 12 + n, 9, 3, 4);
            byte[] predicted = perturbed(r, truth, 0.3, 3);
            images.add(new Image(truth, predicted, null));
            for (int i = 0; i < truth.length; i++) {
                expected[truth[i]][predicted[i]]++;
            }
            pixels += truth.length;
        }
        SegmentationMetrics m = accumulate(CLASSES, images);
        PixelConfusion c = m.pixelConfusion();
        assertEquals(List.of("background", "scratch", "dent", "stain"), c.classes());
        assertArrayEquals(expected, c.counts());
        assertEquals(pixels, Arrays.stream(c.counts()).flatMapToLong(Arrays::stream).sum());
        // The diagonal of an anomaly class is its true positives, so it agrees with the per-class recall.
        PixelClassMetrics dent = m.perClass().get(1);
        long dentPixels = Arrays.stream(expected[2]).sum();
        assertEquals(dent.recall(), c.count("dent", "dent") / (double) dentPixels, 1e-12);
    }

    @Test
    void pixelConfusionSaysWhatAMissedClassWasTakenFor() {
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        // Three scratch pixels: one found, one called a dent, one called background.
        m.add(new byte[] {1, 1, 1, 0, 2}, new byte[] {1, 2, 0, 0, 2}, null);
        PixelConfusion c = m.pixelConfusion();
        assertEquals(1, c.count("scratch", "scratch"));
        assertEquals(1, c.count("scratch", "dent"));
        assertEquals(1, c.count("scratch", "background"));
        assertEquals(1, c.count("dent", "dent"));
        assertEquals(List.of(List.of(1L, 0L, 0L, 0L), List.of(1L, 1L, 1L, 0L), List.of(0L, 0L, 1L, 0L),
                List.of(0L, 0L, 0L, 0L)), c.rows());
        assertThrows(IllegalArgumentException.class, () -> c.count("scratch", "crack"));
        // A tie between dent and background goes to the first in class order: background.
        assertEquals(new PixelConfusion.Mistake("background", 1 / 3.0), c.mostCommonMistake("scratch").orElseThrow());
        assertTrue(c.mostCommonMistake("dent").isEmpty(), "every dent pixel was found");
        assertTrue(c.mostCommonMistake("stain").isEmpty(), "no stain pixels at all");
        m.add(new byte[] {1, 1}, new byte[] {2, 2}, null);
        assertEquals(new PixelConfusion.Mistake("dent", 3 / 5.0), m.pixelConfusion().mostCommonMistake("scratch").orElseThrow());
        // The counts handed out are copies: changing them changes nothing inside.
        c.counts()[1][1] = 99;
        assertEquals(1, c.count("scratch", "scratch"));
    }

    @Test
    void aPerfectPredictionScoresOneEverywhere() {
        Random r = new Random(3);
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            byte[] truth = blobs(r, 20, 16, 3, 6);
            truth[0] = 1;
            truth[1] = 2;
            truth[2] = 3;
            images.add(new Image(truth, truth.clone(), null));
        }
        for (PixelClassMetrics c : accumulate(CLASSES, images).perClass()) {
            assertEquals(1.0, c.precision());
            assertEquals(1.0, c.recall());
            assertEquals(1.0, c.f1());
            assertEquals(1.0, c.aiou());
            assertEquals(5, c.imagesWithClass());
            assertEquals(5, c.imagesFound());
        }
    }

    @Test
    void anEmptyPredictionHasNoRecallAndNoOverlap() {
        byte[] truth = {0, 1, 1, 2, 0, 3};
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        m.add(truth, new byte[truth.length], null);
        for (PixelClassMetrics c : m.perClass()) {
            assertEquals(0.0, c.precision(), "nothing predicted: a zero denominator gives 0");
            assertEquals(0.0, c.recall());
            assertEquals(0.0, c.f1());
            assertEquals(0.0, c.aiou());
            assertEquals(1, c.imagesWithClass());
            assertEquals(0, c.imagesFound());
        }
    }

    @Test
    void aClassAbsentFromEveryTruthHasNoImagesAndNoOverlap() {
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        m.add(new byte[] {0, 1, 1, 0}, new byte[] {0, 1, 2, 0}, null); // "dent" predicted, never true
        m.add(new byte[] {1, 0, 0, 0}, new byte[] {1, 0, 0, 0}, null);
        PixelClassMetrics dent = m.perClass().get(1);
        assertEquals(new PixelClassMetrics("dent", 0, 0, 0, 0, 0, 0), dent);
        PixelClassMetrics stain = m.perClass().get(2);
        assertEquals(new PixelClassMetrics("stain", 0, 0, 0, 0, 0, 0), stain);
        PixelClassMetrics scratch = m.perClass().get(0);
        // 2 of 3 scratch pixels found, none false; IoU 1/2 in the first image and 1 in the second.
        assertEquals(1.0, scratch.precision());
        assertEquals(2 / 3.0, scratch.recall());
        assertEquals(0.75, scratch.aiou());
        assertEquals(2, scratch.imagesWithClass());
        assertEquals(2, scratch.imagesFound());
    }

    @Test
    void pixelAurocEqualsPairwiseCountingWithTies() {
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            // Few score levels make many ties; multiples of 1/65536 are exact bins.
            int levels = trial % 2 == 0 ? 2 + r.nextInt(10) : -1;
            List<Image> images = new ArrayList<>();
            for (int n = 1 + r.nextInt(4); n > 0; n--) {
                int w = 4 + r.nextInt(20);
                int h = 4 + r.nextInt(20);
                byte[] truth = blobs(r, w, h, 3, 1 + r.nextInt(3));
                float[] scores = new float[w * h];
                for (int i = 0; i < scores.length; i++) {
                    // Anomalous pixels lean higher, so the AUC is not always near 1/2.
                    float raw = truth[i] != 0 && r.nextBoolean() ? Math.max(r.nextFloat(), r.nextFloat()) : r.nextFloat();
                    scores[i] = levels > 0 ? Math.round(raw * levels) / (float) levels
                            : SegmentationMetrics.bin(raw) / (float) SegmentationMetrics.BINS;
                }
                images.add(new Image(truth, perturbed(r, truth, 0.2, 3), scores));
            }
            double expected = naiveAuroc(images, false);
            assertEquals(expected, accumulate(CLASSES, images).pixelAuroc(), 1e-9, "trial " + trial);
        }
    }

    @Test
    void pixelAurocOfFineScoresIsExactForTheirBinsAndCloseToTheRawScores() {
        Random r = new Random(8);
        List<Image> images = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            byte[] truth = blobs(r, 30, 25, 3, 3);
            float[] scores = new float[truth.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = truth[i] != 0 ? (float) Math.sqrt(r.nextFloat()) : r.nextFloat();
            }
            images.add(new Image(truth, truth, scores));
        }
        double got = accumulate(CLASSES, images).pixelAuroc();
        assertEquals(naiveAuroc(images, true), got, 1e-12);
        // The documented bound against the raw scores: half the share of unequal pairs sharing a bin.
        long positives = 0;
        long negatives = 0;
        long sharedUnequal = 0;
        for (Image a : images) {
            for (int i = 0; i < a.truth().length; i++) {
                if (a.truth()[i] != 0) {
                    positives++;
                    for (Image b : images) {
                        for (int j = 0; j < b.truth().length; j++) {
                            if (b.truth()[j] == 0 && a.scores()[i] != b.scores()[j]
                                    && SegmentationMetrics.bin(a.scores()[i]) == SegmentationMetrics.bin(b.scores()[j])) {
                                sharedUnequal++;
                            }
                        }
                    }
                } else {
                    negatives++;
                }
            }
        }
        double bound = sharedUnequal / (2.0 * positives * negatives);
        assertTrue(Math.abs(got - naiveAuroc(images, false)) <= bound + 1e-12);
    }

    @Test
    void pixelAurocNeedsScoresAndBothKindsOfPixel() {
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        assertTrue(Double.isNaN(m.pixelAuroc()));
        m.add(new byte[] {0, 1}, new byte[] {0, 1}, null);
        assertTrue(Double.isNaN(m.pixelAuroc()), "no scores added");
        m.add(new byte[] {0, 0}, new byte[] {0, 0}, new float[] {0.2f, 0.7f});
        assertTrue(Double.isNaN(m.pixelAuroc()), "no anomalous pixel scored");
        m.add(new byte[] {2, 0}, new byte[] {0, 0}, new float[] {0.7f, 0.1f});
        // Positive 0.7 against negatives 0.2, 0.7, 0.1: 1 + 1/2 + 1 of 3.
        assertEquals(2.5 / 3, m.pixelAuroc(), 1e-12);
    }

    @Test
    void scoresOutsideTheRangeAreClampedToItsEnds() {
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        m.add(new byte[] {1, 0, 0, 1}, new byte[4], new float[] {1.5f, 1f, -0.5f, 0f});
        // 1.5 ties 1 and beats -0.5; 0 ties -0.5 and loses to 1: (1/2 + 1 + 1/2 + 0) of 4.
        assertEquals(0.5, m.pixelAuroc(), 1e-12);
    }

    @Test
    void badInputIsRefusedAndAddsNothing() {
        SegmentationMetrics m = new SegmentationMetrics(CLASSES);
        m.add(new byte[] {0, 1}, new byte[] {0, 1}, new float[] {0.1f, 0.9f});
        assertThrows(IllegalArgumentException.class, () -> m.add(new byte[2], new byte[3], null));
        assertThrows(IllegalArgumentException.class, () -> m.add(new byte[2], new byte[2], new float[1]));
        assertThrows(IllegalArgumentException.class, () -> m.add(new byte[] {4, 0}, new byte[2], null));
        assertThrows(IllegalArgumentException.class, () -> m.add(new byte[2], new byte[] {0, (byte) 200}, null));
        assertThrows(IllegalArgumentException.class,
                () -> m.add(new byte[] {1, 0}, new byte[2], new float[] {Float.NaN, 0}));
        assertEquals(2, m.pixels());
        assertEquals(1, m.images());
        assertEquals(1.0, m.pixelAuroc());
        assertEquals(new PixelClassMetrics("scratch", 1, 1, 1, 1, 1, 1), m.perClass().get(0));
    }

    @Test
    void jsonHasTheEvaluationResultKeysInOrder() {
        var json = new PixelClassMetrics("cracked", 0.5, 0.25, 1 / 3.0, 0.125, 4, 3).toJson();
        assertEquals("{\"Precision\":0.5,\"Recall\":0.25,\"F1Score\":0.3333333333333333,\"AIOU\":0.125,"
                + "\"ClassName\":\"cracked\"}", json.toString());
    }
}
