package dev.loupe.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loupe.cli.report.Curves.Point;
import dev.loupe.engine.metrics.Ranking;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvesTest {
    private static final double EPS = 1e-12;

    @Test
    void rocStepsThroughEachScoreFromTheTop() {
        double[] scores = {0.6, 0.9, 0.7, 0.8};
        boolean[] truth = {false, true, true, false};
        assertPoints(List.of(p(0, 0), p(0, 0.5), p(0.5, 0.5), p(0.5, 1), p(1, 1)), Curves.roc(scores, truth));
        assertEquals(0.75, trapezoid(Curves.roc(scores, truth)), EPS);
    }

    @Test
    void tiedScoresAreOneDiagonalStep() {
        double[] scores = {0.9, 0.5, 0.5, 0.1};
        boolean[] truth = {true, true, false, false};
        List<Point> roc = Curves.roc(scores, truth);
        assertPoints(List.of(p(0, 0), p(0, 0.5), p(0.5, 1), p(1, 1)), roc);
        // Ties count half in the Mann-Whitney area, exactly what the diagonal encloses.
        assertEquals(0.875, trapezoid(roc), EPS);
        assertEquals(Ranking.rocAuc(scores, truth), trapezoid(roc), EPS);

        List<Point> pr = Curves.precisionRecall(scores, truth);
        assertPoints(List.of(p(0.5, 1), p(1, 2 / 3.0), p(1, 0.5)), pr);
        assertEquals(5 / 6.0, stepSum(pr), EPS);
        assertEquals(Ranking.averagePrecision(scores, truth), stepSum(pr), EPS);
    }

    @Test
    void allScoresEqualIsTheChanceLine() {
        double[] scores = {0.5, 0.5, 0.5};
        boolean[] truth = {true, false, false};
        assertPoints(List.of(p(0, 0), p(1, 1)), Curves.roc(scores, truth));
        assertPoints(List.of(p(1, 1 / 3.0)), Curves.precisionRecall(scores, truth));
    }

    @Test
    void curvesMatchTheEngineAreasOnALargerCase() {
        double[] scores = {0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2, 0.4, 0.65, 0.05};
        boolean[] truth = {false, true, false, true, false, true, false, true, true, false};
        assertEquals(Ranking.rocAuc(scores, truth), trapezoid(Curves.roc(scores, truth)), EPS);
        assertEquals(Ranking.averagePrecision(scores, truth), stepSum(Curves.precisionRecall(scores, truth)), EPS);
    }

    @Test
    void oneClassHasNoRocAndNoAnomaliesNoPrecisionRecall() {
        assertTrue(Curves.roc(new double[] {0.1, 0.2}, new boolean[] {false, false}).isEmpty());
        assertTrue(Curves.roc(new double[] {0.1, 0.2}, new boolean[] {true, true}).isEmpty());
        assertTrue(Curves.roc(new double[0], new boolean[0]).isEmpty());
        assertTrue(Curves.precisionRecall(new double[] {0.1, 0.2}, new boolean[] {false, false}).isEmpty());
        assertPoints(List.of(p(0.5, 1), p(1, 1)),
                Curves.precisionRecall(new double[] {0.1, 0.2}, new boolean[] {true, true}));
    }

    @Test
    void aNanScoreDoesNotStallTheScan() {
        List<Point> roc = Curves.roc(new double[] {Double.NaN, 0.3, Double.NaN}, new boolean[] {true, false, false});
        assertEquals(p(1, 1), roc.get(roc.size() - 1));
    }

    @Test
    void histogramBinsClampOutliersToTheEnds() {
        int[] counts = Curves.histogram(new double[] {0, 0.049, 0.05, 0.5, 0.999, 1.0, -0.2, 1.7}, 20);
        int[] expected = new int[20];
        expected[0] = 3;
        expected[1] = 1;
        expected[10] = 1;
        expected[19] = 3;
        assertArrayEquals(expected, counts);
    }

    @Test
    void countTicksAreRound() {
        assertEquals(1, Charts.countStep(1));
        assertEquals(1, Charts.countStep(5));
        assertEquals(2, Charts.countStep(7));
        assertEquals(5, Charts.countStep(24));
        assertEquals(20, Charts.countStep(90));
    }

    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    private static void assertPoints(List<Point> expected, List<Point> actual) {
        assertEquals(expected.size(), actual.size(), "points: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).x(), actual.get(i).x(), EPS, "x of point " + i + " in " + actual);
            assertEquals(expected.get(i).y(), actual.get(i).y(), EPS, "y of point " + i + " in " + actual);
        }
    }

    private static double trapezoid(List<Point> roc) {
        double area = 0;
        for (int i = 1; i < roc.size(); i++) {
            area += (roc.get(i).x() - roc.get(i - 1).x()) * (roc.get(i).y() + roc.get(i - 1).y()) / 2;
        }
        return area;
    }

    private static double stepSum(List<Point> pr) {
        double area = 0;
        double recall = 0;
        for (Point p : pr) {
            area += (p.x() - recall) * p.y();
            recall = p.x();
        }
        return area;
    }
}
