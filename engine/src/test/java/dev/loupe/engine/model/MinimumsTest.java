package dev.loupe.engine.model;

import static dev.loupe.manifest.Label.ANOMALY;
import static dev.loupe.manifest.Label.NORMAL;
import static dev.loupe.manifest.Label.UNLABELED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loupe.manifest.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimumsTest {
    private static List<Label> labels(int normal, int anomaly, int unlabeled) {
        List<Label> out = new ArrayList<>(Collections.nCopies(normal, NORMAL));
        out.addAll(Collections.nCopies(anomaly, ANOMALY));
        out.addAll(Collections.nCopies(unlabeled, UNLABELED));
        return out;
    }

    @Test
    void aSingleDatasetNeedsTwentyNormalAndTenAnomalous() {
        assertEquals(List.of(), Minimums.shortfalls(labels(20, 10, 0), null));
        assertEquals(List.of("there are 19 labeled normal images in the dataset of a single-dataset project; "
                + "at least 20 are needed"), Minimums.shortfalls(labels(19, 10, 5), null));
        assertEquals(2, Minimums.shortfalls(labels(0, 9, 50), null).size(), "unlabeled images do not count");
    }

    @Test
    void aSeparateTestSetMovesTheAnomaliesThere() {
        assertEquals(List.of(), Minimums.shortfalls(labels(10, 0, 0), labels(10, 10, 0)));
        assertEquals(List.of("there are 9 labeled anomalous images in the test dataset; at least 10 are needed"),
                Minimums.shortfalls(labels(10, 0, 0), labels(10, 9, 0)));
        assertEquals(3, Minimums.shortfalls(labels(9, 30, 0), labels(9, 9, 0)).size());
    }
}
