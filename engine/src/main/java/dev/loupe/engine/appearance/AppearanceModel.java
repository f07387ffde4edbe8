package dev.loupe.engine.appearance;

import dev.loupe.engine.network.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * A Gaussian of the normal training images' {@link AppearanceFeatures}: an image's score is its
 * Mahalanobis distance from their mean. Immutable; its floats are what an archive stores, so a
 * loaded model scores exactly as the trained one.
 *
 * @param mean      the normal images' mean description, {@code [LENGTH]}
 * @param precision the inverse of their shrunk covariance, {@code [LENGTH, LENGTH]}
 */
public record AppearanceModel(Tensor mean, Tensor precision) {
    /**
     * The share of the covariance replaced by its mean variance. With tens of images for 67
     * features the sample covariance is singular; pulling it towards a multiple of the identity
     * makes it invertible and keeps rare directions from dominating the distance.
     */
    public static final double SHRINKAGE = 0.1;

    public AppearanceModel {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(precision, "precision");
        int d = mean.size();
        if (mean.shape().length != 1 || precision.shape().length != 2 || precision.size() != d * d) {
            throw new IllegalArgumentException("appearance model needs a [d] mean and a [d, d] precision, got "
                    + mean + " and " + precision);
        }
    }

    /**
     * Fits the Gaussian to the descriptions of normal images.
     *
     * @throws IllegalArgumentException with fewer than two descriptions, or of unequal lengths
     */
    public static AppearanceModel fit(List<double[]> normal) {
        int n = normal.size();
        if (n < 2) {
            throw new IllegalArgumentException("an appearance model needs at least two normal images, got " + n);
        }
        int d = normal.get(0).length;
        double[] mu = new double[d];
        for (double[] x : normal) {
            if (x.length != d) {
                throw new IllegalArgumentException("descriptions of unequal length: " + x.length + " and " + d);
            }
            for (int j = 0; j < d; j++) {
                mu[j] += x[j] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] x : normal) {
            for (int i = 0; i < d; i++) {
                double di = x[i] - mu[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += di * (x[j] - mu[j]) / (n - 1);
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += cov[i][i];
        }
        // A floor, for a set whose images are all alike in some feature (or all alike).
        double ridge = SHRINKAGE * trace / d + 1e-9;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] = (1 - SHRINKAGE) * cov[i][j] + (i == j ? ridge : 0);
                cov[j][i] = cov[i][j];
            }
        }
        double[][] inverse = invertSymmetricPositive(cov);
        float[] meanOut = new float[d];
        float[] precisionOut = new float[d * d];
        for (int i = 0; i < d; i++) {
            meanOut[i] = (float) mu[i];
            for (int j = 0; j < d; j++) {
                precisionOut[i * d + j] = (float) inverse[i][j];
            }
        }
        return new AppearanceModel(new Tensor(new long[] {d}, meanOut), new Tensor(new long[] {d, d}, precisionOut));
    }

    /** The Mahalanobis distance of a description from the normal mean. Allocates nothing. */
    public double distance(double[] description) {
        int d = mean.size();
        if (description.length != d) {
            throw new IllegalArgumentException("expected a description of " + d + " values, got " + description.length);
        }
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double di = description[i] - mean.get(i);
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += precision.get(i * d + j) * (description[j] - mean.get(j));
            }
            sum += di * row;
        }
        return Math.sqrt(Math.max(0, sum));
    }

    /** Inverse by Cholesky factorisation; the matrix is made positive definite by the shrinkage. */
    private static double[][] invertSymmetricPositive(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("appearance covariance is not positive definite at " + i);
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // L^-1 by forward substitution, then A^-1 = L^-T L^-1.
        double[][] li = new double[d][d];
        for (int c = 0; c < d; c++) {
            li[c][c] = 1 / l[c][c];
            for (int i = c + 1; i < d; i++) {
                double s = 0;
                for (int k = c; k < i; k++) {
                    s -= l[i][k] * li[k][c];
                }
                li[i][c] = s / l[i][i];
            }
        }
        double[][] inv = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < d; k++) {
                    s += li[k][i] * li[k][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }
}
