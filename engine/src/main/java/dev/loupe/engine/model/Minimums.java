package dev.loupe.engine.model;

import dev.loupe.manifest.Label;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The service's minimum label counts for training (LOOKOUT_API §6): a single-dataset project
 * needs 20 normal and 10 anomalous images; with a separate test dataset, training needs 10
 * normal images and the test set 10 normal and 10 anomalous. Unlabeled images do not count.
 *
 * <p>The facade refuses CreateModel below them; {@code loupe evaluate} warns and runs anyway.
 */
public final class Minimums {
    private Minimums() {
    }

    /**
     * What falls short, one sentence per count; empty when the minimums are met.
     *
     * @param train the labels of the training dataset
     * @param test  the labels of the test dataset, or null for a single-dataset project
     */
    public static List<String> shortfalls(Collection<Label> train, Collection<Label> test) {
        List<String> out = new ArrayList<>();
        long trainNormal = count(train, Label.NORMAL);
        long trainAnomaly = count(train, Label.ANOMALY);
        if (test == null) {
            need(out, trainNormal, 20, "normal images in the dataset of a single-dataset project");
            need(out, trainAnomaly, 10, "anomalous images in the dataset of a single-dataset project");
        } else {
            need(out, trainNormal, 10, "normal images in the training dataset");
            need(out, count(test, Label.NORMAL), 10, "normal images in the test dataset");
            need(out, count(test, Label.ANOMALY), 10, "anomalous images in the test dataset");
        }
        return out;
    }

    private static long count(Collection<Label> labels, Label label) {
        return labels.stream().filter(l -> l == label).count();
    }

    private static void need(List<String> out, long have, int need, String what) {
        if (have < need) {
            out.add("there are " + have + " labeled " + what + "; at least " + need + " are needed");
        }
    }
}
