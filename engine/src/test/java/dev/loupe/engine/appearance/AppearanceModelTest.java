package dev.loupe.engine.appearance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AppearanceModelTest {
    /** Normal descriptions whose first feature varies ten times more than the others. */
    private static List<double[]> normals(int n, int d) {
        SplittableRandom r = new SplittableRandom(7);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = 0.5 + (j == 0 ? 0.1 : 0.01) * r.nextGaussian();
            }
            out.add(x);
        }
        return out;
    }

    @Test
    void distanceMatchesANaiveMahalanobisOfTheShrunkCovariance() {
        int d = 6;
        List<double[]> xs = normals(12, d);
        AppearanceModel m = AppearanceModel.fit(xs);
        // The reference: the textbook formulas, written out and inverted by Gauss-Jordan.
        double[] mu = new double[d];
        for (double[] x : xs) {
            for (int j = 0; j < d; j++) {
                mu[j] += x[j] / xs.size();
            }
        }
        double[][] c = new double[d][d];
        for (double[] x : xs) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += (x[i] - mu[i]) * (x[j] - mu[j]) / (xs.size() - 1);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += c[i][i];
        }
        double s = AppearanceModel.SHRINKAGE;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = (1 - s) * c[i][j] + (i == j ? s * trace / d : 0);
            }
        }
        double[][] inv = gaussJordan(c);
        double[] probe = {0.7, 0.45, 0.52, 0.5, 0.49, 0.6};
        double q = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                q += (probe[i] - mu[i]) * inv[i][j] * (probe[j] - mu[j]);
            }
        }
        assertEquals(Math.sqrt(q), m.distance(probe), 1e-3 * Math.sqrt(q));
    }

    @Test
    void aStepAlongARareDirectionIsFartherThanAlongACommonOne() {
        AppearanceModel m = AppearanceModel.fit(normals(30, 4));
        double[] centre = {0.5, 0.5, 0.5, 0.5};
        double[] common = {0.55, 0.5, 0.5, 0.5};
        double[] rare = {0.5, 0.55, 0.5, 0.5};
        assertTrue(m.distance(centre) < 0.5, "the mean is near no distance: " + m.distance(centre));
        assertTrue(m.distance(rare) > 2 * m.distance(common), m.distance(rare) + " vs " + m.distance(common));
    }

    @Test
    void identicalImagesStillGiveAModel() {
        double[] same = {0.2, 0.4};
        AppearanceModel m = AppearanceModel.fit(List.of(same, same.clone(), same.clone()));
        assertEquals(0.0, m.distance(same), 1e-3, "the mean, stored as floats");
        assertTrue(m.distance(new double[] {0.3, 0.4}) > 0);
        assertThrows(IllegalArgumentException.class, () -> AppearanceModel.fit(List.of(same)));
        assertThrows(IllegalArgumentException.class, () -> m.distance(new double[3]));
    }

    private static double[][] gaussJordan(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double v = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= v;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double k = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= k * a[c][j];
                    }
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, out[i], 0, n);
        }
        return out;
    }
}
