package dev.loupe.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void theServicesOwnF1Examples() {
        // P = 0.9, R = 1.0 -> 0.947; P = 0.3, R = 1.0 -> 0.46; P = 0.95, R = 0.2 -> 0.33
        assertEquals(0.947, new Confusion(9, 1, 0, 0).f1(), 0.001);
        assertEquals(0.46, new Confusion(3, 7, 0, 0).f1(), 0.005);
        assertEquals(0.33, new Confusion(19, 1, 0, 76).f1(), 0.005);
    }

    @Test
    void zeroDenominatorsGiveZero() {
        Confusion none = new Confusion(0, 0, 5, 0);
        assertEquals(0, none.precision());
        assertEquals(0, none.recall());
        assertEquals(0, none.f1());
    }

    @Test
    void confusionAtAThreshold() {
        double[] s = {0.1, 0.4, 0.6, 0.9};
        boolean[] a = {false, true, false, true};
        assertEquals(new Confusion(1, 1, 1, 1), Confusion.at(s, a, 0.5));
        assertEquals(new Confusion(2, 1, 1, 0), Confusion.at(s, a, 0.4));
    }

    /** O(n^2) reference: the share of (anomaly, normal) pairs ordered right, ties half. */
    static double naiveAuc(double[] s, boolean[] a) {
        double good = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (a[i] && !a[j]) {
                    pairs++;
                    good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return good / pairs;
    }

    /** Reference AP: precision at each anomaly's rank, ties entering together, averaged. */
    static double naiveAp(double[] s, boolean[] a) {
        double sum = 0;
        int positives = 0;
        for (int i = 0; i < s.length; i++) {
            if (!a[i]) {
                continue;
            }
            positives++;
            int atOrAbove = 0;
            int anomaliesAtOrAbove = 0;
            for (int j = 0; j < s.length; j++) {
                if (s[j] >= s[i]) {
                    atOrAbove++;
                    if (a[j]) {
                        anomaliesAtOrAbove++;
                    }
                }
            }
            sum += anomaliesAtOrAbove / (double) atOrAbove;
        }
        return sum / positives;
    }

    @Test
    void rankingMetricsAgreeWithNaiveReferences() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(40);
            double[] s = new double[n];
            boolean[] a = new boolean[n];
            for (int i = 0; i < n; i++) {
                a[i] = i == 0 || (i != 1 && r.nextBoolean());
                s[i] = r.nextInt(8) + (a[i] ? r.nextInt(3) : 0); // many ties
            }
            assertEquals(naiveAuc(s, a), Ranking.rocAuc(s, a), 1e-12);
            assertEquals(naiveAp(s, a), Ranking.averagePrecision(s, a), 1e-12);
        }
    }

    @Test
    void perfectAndReversedRankings() {
        double[] s = {1, 2, 3, 4};
        assertEquals(1.0, Ranking.rocAuc(s, new boolean[] {false, false, true, true}));
        assertEquals(0.0, Ranking.rocAuc(s, new boolean[] {true, true, false, false}));
        assertEquals(1.0, Ranking.averagePrecision(s, new boolean[] {false, false, true, true}));
        assertTrue(Double.isNaN(Ranking.rocAuc(s, new boolean[4])));
    }
}
