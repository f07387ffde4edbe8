package dev.loupe.engine.preprocess;

/**
 * Per-channel standardisation fitted on the training images: {@code (v - mean) / std}. Part of a
 * trained model, so detection applies exactly what training did.
 *
 * @param meanR red mean (0..1 scale)
 * @param meanG green mean
 * @param meanB blue mean
 * @param stdR  red standard deviation
 * @param stdG  green standard deviation
 * @param stdB  blue standard deviation
 */
public record Normalization(float meanR, float meanG, float meanB, float stdR, float stdG, float stdB) {
    public Normalization {
        if (!(stdR > 0 && stdG > 0 && stdB > 0)) {
            throw new IllegalArgumentException("standard deviations must be positive");
        }
    }

    /** Fits means and standard deviations over planar images of one size. */
    public static Normalization fit(Iterable<float[]> planarImages) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        long n = 0;
        for (float[] img : planarImages) {
            int plane = img.length / 3;
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < plane; i++) {
                    double v = img[c * plane + i];
                    sum[c] += v;
                    sq[c] += v * v;
                }
            }
            n += plane;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no images to fit a normalisation on");
        }
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (sum[c] / n);
            std[c] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[c] / n - mean[c] * (double) mean[c])));
        }
        return new Normalization(mean[0], mean[1], mean[2], std[0], std[1], std[2]);
    }

    /** Standardises a planar image in place. */
    public void apply(float[] planar) {
        int plane = planar.length / 3;
        float[] mean = {meanR, meanG, meanB};
        float[] inv = {1 / stdR, 1 / stdG, 1 / stdB};
        for (int c = 0; c < 3; c++) {
            float m = mean[c];
            float s = inv[c];
            for (int i = c * plane, end = i + plane; i < end; i++) {
                planar[i] = (planar[i] - m) * s;
            }
        }
    }
}
