package dev.loupe.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the gallery: what most needs a look comes first. Mistakes lead, the most confidently
 * wrong (furthest on the wrong side of the threshold) first; then the correct verdicts, least
 * confident (closest to the threshold) first. Images without a finite score end their group, and
 * ties keep the order they were given in.
 */
final class Gallery {
    private Gallery() {
    }

    static List<ReportImage> order(List<ReportImage> images, double threshold) {
        List<ReportImage> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparing((ReportImage i) -> !i.mistaken())
                .thenComparingDouble(i -> urgency(i, threshold)));
        return sorted;
    }

    /** Smaller comes first: minus how wrong a mistake is, or how sure a correct verdict is. */
    private static double urgency(ReportImage image, double threshold) {
        double score = image.score();
        if (!Double.isFinite(score)) {
            return Double.POSITIVE_INFINITY;
        }
        if (image.mistaken()) {
            return -(image.anomalous() ? threshold - score : score - threshold);
        }
        return Math.abs(score - threshold);
    }
}
