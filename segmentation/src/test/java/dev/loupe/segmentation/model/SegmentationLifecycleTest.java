package dev.loupe.segmentation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.engine.archive.ArchiveContainer;
import dev.loupe.engine.archive.InvalidArchiveException;
import dev.loupe.engine.model.TrainingProgress;
import dev.loupe.engine.preprocess.Augmenter;
import dev.loupe.manifest.HexColor;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Manifest;
import dev.loupe.segmentation.archive.SegmentationArchive;
import dev.loupe.segmentation.evaluation.SegmentationEvaluation;
import dev.loupe.segmentation.metrics.PixelClassMetrics;
import dev.loupe.segmentation.network.SegmentationWeights;
import dev.loupe.testdata.DatasetGenerator;
import dev.loupe.testdata.GeneratedDataset;
import dev.loupe.testdata.GeneratorConfig;
import dev.loupe.testdata.PartKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, evaluate, save, load, detect: a segmentation model on a synthetic multi-class set. */
class SegmentationLifecycleTest {
    @TempDir
    static Path dir;
    static GeneratedDataset data;
    static Manifest trainManifest;
    static List<SegmentedImage> train;
    static List<SegmentedImage> test;
    static SegmentationModel model;

    /**
     * Small and quick: the images' own 96 pixels, three narrow levels, 20 epochs however thin the
     * defects, the last 5 averaged as by default.
     */
    static SegmentationConfig tiny() {
        return new SegmentationConfig(1, 96, new int[] {8, 16, 24}, 20, 4, 2e-3, Augmenter.standard(), 0.25, true,
                false, 0.5, 0.25);
    }

    @BeforeAll
    static void train() throws Exception {
        data = DatasetGenerator.generate(GeneratorConfig.builder(PartKind.WASHER).seed(7).size(96, 96)
                .train(16, 16).test(6, 8).multiDefectRate(0).build(), dir.resolve("washer"));
        trainManifest = Manifest.read(data.segmentationTrain());
        ImageLocator here = ImageLocator.of(data.root());
        train = SegmentationData.load(trainManifest, here, trainManifest.classes());
        test = SegmentationData.load(Manifest.read(data.segmentationTest()), here, trainManifest.classes());
        model = new SegmentationTrainer(tiny()).train(train, trainManifest.classes(), TrainingProgress.Listener.NONE);
    }

    @Test
    void everyClassOfTheTrainingMasksIsAnOutput() {
        assertEquals(4, model.classes().size());
        assertEquals(trainManifest.classes(), model.classes());
    }

    @Test
    void thinScratchesKeepTheConfiguredDepth() {
        // The washers' scratches and cracks are a pixel or two wide: no fourth level for them.
        assertEquals(3, model.weights().architecture().channels().length);
    }

    @Test
    void resultsHaveTheServiceShape() throws Exception {
        try (SegmentationDetector d = SegmentationDetector.open(model)) {
            for (SegmentedImage i : test) {
                SegmentationResult r = d.detect(Files.readAllBytes(i.image().source()));
                assertEquals("background", r.anomalies().get(0).name());
                assertEquals(HexColor.WHITE, r.anomalies().get(0).color());
                assertEquals(1.0, r.anomalies().stream().mapToDouble(SegmentationResult.ClassArea::totalPercentageArea)
                        .sum(), 1e-9);
                assertEquals(r.isAnomalous(), r.score() >= 0.5);
                assertTrue(r.confidence() >= 0.5 && r.confidence() <= 1);
                BufferedImage mask = ImageIO.read(new ByteArrayInputStream(r.maskPng()));
                assertEquals(96, mask.getWidth());
                assertEquals(96, mask.getHeight());
                assertEquals(3, mask.getColorModel().getNumComponents(), "an RGB mask");
            }
        }
    }

    @Test
    void theModelFindsTheDefectsAndTheirPixels() {
        try (SegmentationDetector d = SegmentationDetector.open(model)) {
            SegmentationEvaluation e = SegmentationEvaluation.of(d, test);
            System.out.printf("synthetic washer segmentation: image AUROC %.3f F1 %.3f pixel AUROC %.3f %s%n",
                    e.rocAuc(), e.f1(), e.pixelAuroc(), e.classes().stream()
                            .map(c -> c.className() + " AIOU " + String.format("%.2f", c.aiou())).toList());
            assertTrue(e.pixelAuroc() > 0.9, "pixel AUROC " + e.pixelAuroc());
            assertTrue(e.rocAuc() > 0.7, "image AUROC " + e.rocAuc());
            for (PixelClassMetrics c : e.classes()) {
                assertTrue(c.imagesWithClass() > 0, c.className() + " is in the test set");
            }
        }
    }

    @Test
    void theArchiveRoundTripsToTheSameAnswers() throws Exception {
        byte[] bytes = SegmentationArchive.toBytes(model);
        assertEquals("segmentation", ArchiveContainer.modelType(bytes, "x"));
        SegmentationModel back = SegmentationArchive.fromBytes(bytes, "x");
        assertArrayEquals(bytes, SegmentationArchive.toBytes(back), "the same model gives the same bytes");
        byte[] image = Files.readAllBytes(test.get(0).image().source());
        try (SegmentationDetector a = SegmentationDetector.open(model); SegmentationDetector b = SegmentationDetector.open(back)) {
            SegmentationResult ra = a.detect(image);
            SegmentationResult rb = b.detect(image);
            assertEquals(ra.rawScore(), rb.rawScore(), 0.0);
            assertArrayEquals(ra.classMap(), rb.classMap());
        }
        assertThrows(InvalidArchiveException.class,
                () -> SegmentationArchive.fromBytes(Arrays.copyOf(bytes, bytes.length / 2), "half"));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        SegmentationModel again = new SegmentationTrainer(tiny().withEpochs(2)).train(train, trainManifest.classes(),
                TrainingProgress.Listener.NONE);
        SegmentationModel twice = new SegmentationTrainer(tiny().withEpochs(2)).train(train, trainManifest.classes(),
                TrainingProgress.Listener.NONE);
        assertEquals(again.weights().tensors(), twice.weights().tensors());
        assertArrayEquals(again.pixelThresholds(), twice.pixelThresholds());
        assertEquals(again.regions(), twice.regions());
    }

    @Test
    void thinDefectsTrainForTwiceTheConfiguredEpochs() {
        // The washers' scratches are a pixel or two wide: the plan doubles the one configured epoch.
        SegmentationConfig lengthened = new SegmentationConfig(1, 96, new int[] {8, 16, 24}, 1, 4, 2e-3,
                Augmenter.standard(), 0.25, true, true, 0.5, 0);
        List<TrainingProgress> seen = new ArrayList<>();
        SegmentationModel m = new SegmentationTrainer(lengthened).train(train, trainManifest.classes(), seen::add);
        List<TrainingProgress> epochs = seen.stream().filter(p -> p.stage() == TrainingProgress.Stage.TRAINING).toList();
        assertEquals(List.of(1, 2), epochs.stream().map(TrainingProgress::epoch).toList());
        assertTrue(epochs.stream().allMatch(p -> p.epochs() == 2), "every event counts to the planned epochs");
        assertTrue(m.provenance().config().contains("trained 2 epochs"), m.provenance().config());
    }

    @Test
    void theModelIsTheMeanOfTheLastEpochsWeights() {
        SegmentationWeights one = trainEpochs(1, 0).weights();
        SegmentationWeights two = trainEpochs(2, 0).weights();
        // Three quarters of two epochs round to both: the mean of the two networks above, since the
        // same seed repeats the first epoch exactly.
        SegmentationModel averaged = trainEpochs(2, 0.75);
        assertTrue(averaged.provenance().config().contains("weights averaged over the last 2 epochs"),
                averaged.provenance().config());
        for (String name : two.tensors().keySet()) {
            if (name.equals("h.b")) {
                continue; // the class offsets are folded into the head's bias after training
            }
            float[] a = one.get(name).data();
            float[] b = two.get(name).data();
            float[] mean = averaged.weights().get(name).data();
            for (int i = 0; i < mean.length; i++) {
                assertEquals((a[i] + b[i]) / 2, mean[i], 1e-6, name + "[" + i + "]");
            }
        }
        assertFalse(Arrays.equals(one.get("e0.w").data(), two.get("e0.w").data()), "the second epoch moved the weights");
    }

    private static SegmentationModel trainEpochs(int epochs, double averagedShare) {
        return new SegmentationTrainer(tiny().withEpochs(epochs).withAveragedShare(averagedShare))
                .train(train, trainManifest.classes(), TrainingProgress.Listener.NONE);
    }
}
