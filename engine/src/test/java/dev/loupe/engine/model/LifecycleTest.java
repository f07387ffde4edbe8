package dev.loupe.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.archive.ModelArchive;
import dev.loupe.engine.evaluation.Evaluation;
import dev.loupe.engine.image.RgbImage;
import dev.loupe.engine.preprocess.CutPaste;
import dev.loupe.testdata.PartKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, evaluate, save, load, detect: the whole life of a classification model, on synthetic data. */
class LifecycleTest {
    @TempDir
    static Path dir;
    static Synthetic.Data data;
    static TrainedModel supervised;
    static List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void train() throws IOException {
        data = Synthetic.generate(dir.resolve("washer"), PartKind.WASHER, 24, 16, 2);
        supervised = new Trainer(Synthetic.tinyConfig(1)).train(data.train(), List.of(), progress::add);
    }

    @Test
    void labelledAnomaliesTrainASupervisedModelThatFindsThem() {
        assertEquals(ScoringMode.SUPERVISED, supervised.mode());
        assertEquals(TrainedModel.CLASSIFICATION, supervised.modelType());
        try (Detector d = Detector.open(supervised)) {
            Evaluation e = Evaluation.of(d, data.test());
            System.out.printf("synthetic washer, supervised: AUROC %.3f F1 %.3f%n", e.rocAuc(), e.f1());
            assertEquals(20, e.results().size());
            assertTrue(e.rocAuc() >= 0.8, "AUROC " + e.rocAuc());
        }
    }

    @Test
    void theAppearanceTermIsAddedAfterTrainingAndOnlyWhenAllowed() {
        TrainedModel plain = new Trainer(Synthetic.tinyConfig(1).withAppearance(false))
                .train(data.train(), List.of(), TrainingProgress.Listener.NONE);
        assertTrue(plain.fusion().isEmpty());
        // The term is fitted after the network, on its scores: it never changes the network.
        assertEquals(plain.weights(), supervised.weights());
    }

    @Test
    void syntheticDefectsTeachTheNetworkThatAPatchOutOfPlaceIsAnomalous() {
        TrainedModel synthetic = new Trainer(Synthetic.tinyConfig(1).withSyntheticRate(0.25))
                .train(data.train(), List.of(), TrainingProgress.Listener.NONE);
        List<LabeledImage> normal = data.test().stream().filter(i -> !i.anomalous()).toList();
        try (Detector with = Detector.open(synthetic); Detector plain = Detector.open(supervised)) {
            // Judged on the calibrated score (threshold at 0.5), so that the two models compare.
            int flaggedWith = 0;
            int flaggedWithout = 0;
            double riseWith = 0;
            double riseWithout = 0;
            for (int k = 0; k < normal.size(); k++) {
                RgbImage clean = normal.get(k).image();
                RgbImage pasted = pasted(clean, new SplittableRandom(k));
                Detection a = with.detect(pasted);
                Detection b = plain.detect(pasted);
                flaggedWith += a.isAnomalous() ? 1 : 0;
                flaggedWithout += b.isAnomalous() ? 1 : 0;
                riseWith += a.score() - with.detect(clean).score();
                riseWithout += b.score() - plain.detect(clean).score();
            }
            System.out.printf("pasted normal images: %d of %d flagged with synthetic defects (mean rise %.3f), %d without (%.3f)%n",
                    flaggedWith, normal.size(), riseWith / normal.size(), flaggedWithout, riseWithout / normal.size());
            assertTrue(riseWith > riseWithout, riseWith + " against " + riseWithout);
        }
    }

    /** A normal image with one patch copied elsewhere inside it, as training makes its synthetic defects. */
    private static RgbImage pasted(RgbImage image, SplittableRandom random) {
        int size = image.width();
        int plane = size * size;
        byte[] rgb = image.toRgbBytes();
        float[] planar = new float[3 * plane];
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < 3; ch++) {
                planar[ch * plane + p] = rgb[3 * p + ch] & 0xFF;
            }
        }
        CutPaste.standard().apply(planar, size, size / 4, random);
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < 3; ch++) {
                rgb[3 * p + ch] = (byte) planar[ch * plane + p];
            }
        }
        return RgbImage.of(size, size, rgb);
    }

    @Test
    void progressReportsEveryEpochInOrder() {
        List<TrainingProgress> epochs = progress.stream().filter(p -> p.stage() == TrainingProgress.Stage.TRAINING).toList();
        assertEquals(30, epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i + 1, epochs.get(i).epoch());
            assertTrue(Double.isFinite(epochs.get(i).loss()));
        }
        assertEquals(TrainingProgress.Stage.DONE, progress.get(progress.size() - 1).stage());
        assertEquals(1.0, progress.get(progress.size() - 1).fraction());
    }

    @Test
    void normalImagesOnlyGiveAPatchMemoryModel() {
        List<LabeledImage> normals = data.train().stream().filter(i -> !i.anomalous()).toList();
        TrainedModel m = new Trainer(Synthetic.tinyConfig(1)).train(normals, List.of(), TrainingProgress.Listener.NONE);
        assertEquals(ScoringMode.PATCH_MEMORY, m.mode());
        assertTrue(m.memory().isPresent());
        try (Detector d = Detector.open(m)) {
            Evaluation e = Evaluation.of(d, data.test());
            System.out.printf("synthetic washer, normal only: AUROC %.3f F1 %.3f%n", e.rocAuc(), e.f1());
            assertTrue(e.rocAuc() >= 0.7, "AUROC " + e.rocAuc());
            // The validation normals stay normal under the normal-tail rule.
            assertEquals(dev.loupe.engine.calibration.Calibration.NORMAL_TAIL, m.calibration().rule());
        }
    }

    @Test
    void detectionsFollowTheServicesConfidenceRule() throws IOException {
        try (Detector d = Detector.open(supervised)) {
            for (LabeledImage i : data.test()) {
                Detection r = d.detect(Files.readAllBytes(i.source()));
                assertEquals(r.isAnomalous(), r.score() >= 0.5);
                assertEquals(r.isAnomalous() ? r.score() : 1 - r.score(), r.confidence(), 1e-12);
                assertTrue(r.confidence() >= 0.5 && r.confidence() <= 1);
                assertEquals(96, r.heatMap().imageWidth());
                assertEquals(96 * 96, r.heatMap().toImageResolution().length);
            }
        }
    }

    @Test
    void sameSeedSameModelSameScores() {
        TrainedModel again = new Trainer(Synthetic.tinyConfig(1)).train(data.train(), List.of(), TrainingProgress.Listener.NONE);
        for (String name : supervised.weights().tensors().keySet()) {
            assertArrayEquals(supervised.weights().get(name).data(), again.weights().get(name).data(), name);
        }
        assertEquals(supervised.calibration(), again.calibration());
        assertEquals(supervised.provenance().datasetHash(), again.provenance().datasetHash());
        TrainedModel other = new Trainer(Synthetic.tinyConfig(2)).train(data.train(), List.of(), TrainingProgress.Listener.NONE);
        assertFalse(java.util.Arrays.equals(supervised.weights().get("w0").data(), other.weights().get("w0").data()));
    }

    @Test
    void archiveRoundTripsAndRefusesDamage() throws IOException {
        TrainedModel withMetrics = supervised.withMetrics(Map.of("F1Score", 0.9));
        Path file = dir.resolve("model.loupe");
        ModelArchive.save(withMetrics, file);
        TrainedModel back = ModelArchive.load(file);
        assertEquals(withMetrics.calibration(), back.calibration());
        assertEquals(withMetrics.normalization(), back.normalization());
        assertEquals(withMetrics.metrics(), back.metrics());
        assertEquals(withMetrics.provenance(), back.provenance());
        assertEquals(withMetrics.weights(), back.weights());
        assertArrayEquals(ModelArchive.toBytes(withMetrics), ModelArchive.toBytes(back), "stable bytes");
        try (Detector a = Detector.open(withMetrics); Detector b = Detector.open(back)) {
            for (LabeledImage i : data.test().subList(0, 4)) {
                assertEquals(a.detect(i.image()).rawScore(), b.detect(i.image()).rawScore(), 0.0);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int at : new int[] {100, bytes.length / 3, bytes.length / 2}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assertThrows(dev.loupe.engine.archive.InvalidArchiveException.class, () -> ModelArchive.fromBytes(damaged, "x"));
        }
        assertThrows(dev.loupe.engine.archive.InvalidArchiveException.class,
                () -> ModelArchive.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length / 2), "x"));
    }

    @Test
    void aPoolServesManyThreadsWithTheSameAnswers() throws Exception {
        List<byte[]> images = new ArrayList<>();
        for (LabeledImage i : data.test()) {
            images.add(Files.readAllBytes(i.source()));
        }
        double[] expected = new double[images.size()];
        try (Detector d = Detector.open(supervised)) {
            for (int i = 0; i < images.size(); i++) {
                expected[i] = d.detect(images.get(i)).rawScore();
            }
        }
        try (DetectorPool pool = new DetectorPool(supervised, 2)) {
            var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<double[]>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    futures.add(executor.submit(() -> {
                        double[] got = new double[images.size()];
                        for (int i = 0; i < images.size(); i++) {
                            got[i] = pool.detect(images.get(i)).rawScore();
                        }
                        return got;
                    }));
                }
                for (var f : futures) {
                    assertArrayEquals(expected, f.get(), 1e-6);
                }
            } finally {
                executor.shutdown();
            }
        }
    }

    @Test
    void aPoolGrowsUnderLoadUpToItsMaximumOnly() throws Exception {
        byte[] image = Files.readAllBytes(data.test().get(0).source());
        try (DetectorPool pool = new DetectorPool(supervised, 1, 3)) {
            assertEquals(1, pool.size());
            pool.detect(image);
            assertEquals(1, pool.size(), "one caller at a time needs one detector");
            var executor = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                var start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        for (int i = 0; i < 5; i++) {
                            pool.detect(image);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var f : futures) {
                    f.get();
                }
            } finally {
                executor.shutdown();
            }
            assertTrue(pool.size() > 1 && pool.size() <= 3, "grew to " + pool.size());
        }
    }

    @Test
    void badImagesAreRefusedWithoutHarmingTheDetector() throws IOException {
        try (Detector d = Detector.open(supervised)) {
            double before = d.detect(data.test().get(0).image()).rawScore();
            assertThrows(dev.loupe.engine.image.InvalidImageException.class, () -> d.detect(new byte[] {1, 2, 3}));
            assertEquals(before, d.detect(data.test().get(0).image()).rawScore(), 0.0);
        }
    }
}
