package dev.loupe.segmentation.evaluation;

import dev.loupe.engine.metrics.Confusion;
import dev.loupe.engine.metrics.Ranking;
import dev.loupe.manifest.AnomalyClass;
import dev.loupe.segmentation.metrics.PixelClassMetrics;
import dev.loupe.segmentation.metrics.PixelConfusion;
import dev.loupe.segmentation.metrics.SegmentationMetrics;
import dev.loupe.segmentation.model.SegmentationDetector;
import dev.loupe.segmentation.model.SegmentationResult;
import dev.loupe.segmentation.model.SegmentedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A segmentation model's figures on test images.
 *
 * <pre>{@code
 * SegmentationEvaluation e = SegmentationEvaluation.of(detector, testImages);
 * e.confusion().f1();  e.classes();  e.pixelAuroc();
 * }</pre>
 *
 * @param results          each test image with its answer, in order
 * @param confusion        the image-level confusion at the model's threshold
 * @param rocAuc           image-level ROC AUC of the scores
 * @param averagePrecision image-level average precision
 * @param classes          per-class pixel figures, in the model's class order
 * @param pixelAuroc       pixel-level ROC AUC of the anomaly probabilities (NaN without pixel truth)
 * @param pixelConfusion   the test pixels with truth by true and predicted class (all zero without pixel truth)
 */
public record SegmentationEvaluation(List<Result> results, Confusion confusion, double rocAuc,
                                     double averagePrecision, List<PixelClassMetrics> classes, double pixelAuroc,
                                     PixelConfusion pixelConfusion) {
    public SegmentationEvaluation {
        results = List.copyOf(results);
        classes = List.copyOf(classes);
    }

    /**
     * One test image and the model's answer.
     *
     * @param image     the test image with its truth
     * @param detection the answer
     */
    public record Result(SegmentedImage image, SegmentationResult detection) {
    }

    /** Runs the detector over the test images (one at a time) and computes every figure. */
    public static SegmentationEvaluation of(SegmentationDetector detector, List<SegmentedImage> test) {
        List<AnomalyClass> classes = detector.model().classes();
        SegmentationMetrics pixels = new SegmentationMetrics(classes.stream().map(AnomalyClass::name).toList());
        List<Result> results = new ArrayList<>();
        double[] scores = new double[test.size()];
        boolean[] truth = new boolean[test.size()];
        boolean[] called = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            SegmentedImage image = test.get(i);
            SegmentationResult r = detector.detect(image.image().image());
            results.add(new Result(image, r));
            // Ranked on the raw score: the normalised one can round to exactly 0 or 1 far from the
            // threshold, and such ties would understate the ROC AUC.
            scores[i] = r.rawScore();
            truth[i] = image.image().anomalous();
            called[i] = r.isAnomalous();
            if (image.hasPixelTruth()) {
                pixels.add(image.maskAt(r.width(), r.height()), r.classMap(), r.anomalyMap());
            }
        }
        return new SegmentationEvaluation(results, Confusion.of(truth, called), Ranking.rocAuc(scores, truth),
                Ranking.averagePrecision(scores, truth), pixels.perClass(), pixels.pixelAuroc(), pixels.pixelConfusion());
    }

    public double f1() {
        return confusion.f1();
    }

    public double precision() {
        return confusion.precision();
    }

    public double recall() {
        return confusion.recall();
    }
}
