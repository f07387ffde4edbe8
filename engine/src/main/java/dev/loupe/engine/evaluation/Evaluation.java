package dev.loupe.engine.evaluation;

import dev.loupe.engine.metrics.Confusion;
import dev.loupe.engine.metrics.Ranking;
import dev.loupe.engine.model.Detector;
import dev.loupe.engine.model.LabeledImage;
import dev.loupe.manifest.Label;
import java.util.List;

/**
 * A model's figures on a test set: the service's F1, precision and recall at the model's
 * threshold, plus ROC AUC and average precision over the raw scores (normalisation can only
 * reorder nothing, but metrics on raw scores are what anomalib reports too).
 *
 * @param results          every labelled test image with its detection, in test order
 * @param confusion        counts at the model's threshold
 * @param rocAuc           area under the ROC curve (NaN without both classes)
 * @param averagePrecision average precision (NaN without anomalies)
 */
public record Evaluation(List<ImageResult> results, Confusion confusion, double rocAuc, double averagePrecision) {
    public Evaluation {
        results = List.copyOf(results);
    }

    /** Runs the detector on every labelled test image (unlabeled ones are skipped). */
    public static Evaluation of(Detector detector, List<LabeledImage> test) {
        List<ImageResult> results = test.stream()
                .filter(i -> i.label() != Label.UNLABELED)
                .map(i -> new ImageResult(i, detector.detect(i.image())))
                .toList();
        return of(results);
    }

    public static Evaluation of(List<ImageResult> results) {
        double[] scores = results.stream().mapToDouble(r -> r.detection().rawScore()).toArray();
        boolean[] anomalous = new boolean[results.size()];
        boolean[] called = new boolean[results.size()];
        for (int i = 0; i < results.size(); i++) {
            anomalous[i] = results.get(i).image().anomalous();
            called[i] = results.get(i).detection().isAnomalous();
        }
        return new Evaluation(results, Confusion.of(anomalous, called), Ranking.rocAuc(scores, anomalous),
                Ranking.averagePrecision(scores, anomalous));
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
