package dev.loupe.engine.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Threshold-free metrics of anomaly scores (higher means more anomalous). */
public final class Ranking {
    private Ranking() {
    }

    /**
     * The area under the ROC curve: the probability that a random anomaly scores above a random
     * normal image, ties counting half (the Mann-Whitney statistic). NaN without both classes.
     */
    public static double rocAuc(double[] scores, boolean[] anomalous) {
        Integer[] order = order(scores);
        long positives = count(anomalous);
        long negatives = anomalous.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        // Sum of the ranks of the anomalies, ties given their average rank.
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (anomalous[order[k]]) {
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /**
     * Average precision: the mean, over the anomalies, of the precision at the rank where each is
     * found, scanning from the highest score down (tied scores enter together). NaN without anomalies.
     */
    public static double averagePrecision(double[] scores, boolean[] anomalous) {
        long positives = count(anomalous);
        if (positives == 0) {
            return Double.NaN;
        }
        Integer[] order = order(scores);
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            long newTp = 0;
            for (int k = j; k <= i; k++) {
                if (anomalous[order[k]]) {
                    newTp++;
                }
            }
            seen += i - j + 1;
            tp += newTp;
            ap += newTp * (tp / (double) seen);
            i = j - 1;
        }
        return ap / positives;
    }

    private static Integer[] order(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(k -> scores[k]));
        return idx;
    }

    private static long count(boolean[] flags) {
        long n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
