package dev.loupe.engine.model;

import dev.loupe.manifest.AnomalyClass;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's minimum label counts for training (LOOKOUT_API §6): a single-dataset project
 * needs 20 normal and 10 anomalous images; with a separate test dataset, training needs 10
 * normal images and the test set 10 normal and 10 anomalous. Unlabeled images do not count.
 *
 * Segmentation models add per-label minimums ({@link #labelShortfalls}).
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

    /**
     * The segmentation minimums, one sentence per short anomaly label; empty when met. A label
     * counts on the anomalous images whose mask carries it alone: 20 in a single-dataset project,
     * 10 in each of the train and test datasets.
     *
     * @param train the training dataset's entries
     * @param test  the test dataset's entries, or null for a single-dataset project
     */
    public static List<String> labelShortfalls(Collection<ManifestEntry> train, Collection<ManifestEntry> test) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> inTrain = singleLabelCounts(train);
        Map<String, Integer> inTest = test == null ? Map.of() : singleLabelCounts(test);
        inTrain.forEach((label, n) -> {
            if (test == null && n < 20) {
                out.add("anomaly label " + label + " is alone on " + n
                        + " images of the dataset; a single-dataset project needs 20");
            } else if (test != null && (n < 10 || inTest.getOrDefault(label, 0) < 10)) {
                out.add("anomaly label " + label + " is alone on " + n + " training and "
                        + inTest.getOrDefault(label, 0) + " test images; each dataset needs 10");
            }
        });
        return out;
    }

    /** Per anomaly label, in order of appearance, the anomalous images whose mask has that label alone. */
    private static Map<String, Integer> singleLabelCounts(Collection<ManifestEntry> entries) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ManifestEntry e : entries) {
            if (e.label() != Label.ANOMALY || e.mask().isEmpty()) {
                continue;
            }
            List<AnomalyClass> classes = e.mask().get().anomalyClasses();
            classes.forEach(c -> counts.putIfAbsent(c.name(), 0));
            if (classes.size() == 1) {
                counts.merge(classes.get(0).name(), 1, Integer::sum);
            }
        }
        return counts;
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
