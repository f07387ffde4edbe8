package dev.loupe.testdata;

import java.util.SplittableRandom;

/**
 * The natural variation of one normal capture: where the part sits, how it is turned, how it is
 * lit, and how noisy the sensor is. Drawn from the image's own random stream.
 *
 * @param dx         shift right, in pixels
 * @param dy         shift down, in pixels
 * @param angle      rotation, radians
 * @param brightness overall gain, about 1
 * @param gradientX  left-to-right lighting slope
 * @param gradientY  top-to-bottom lighting slope
 * @param tint       colour cast: added to red, subtracted from blue
 * @param noise      sensor noise standard deviation, 0..1 scale
 */
record Variation(float dx, float dy, float angle, float brightness, float gradientX, float gradientY,
                 float tint, float noise) {

    static Variation draw(SplittableRandom random, int size, float maxAngle) {
        float shift = size * 0.03f;
        return new Variation(
                (float) (random.nextDouble(-1, 1) * shift),
                (float) (random.nextDouble(-1, 1) * shift),
                (float) (random.nextDouble(-1, 1) * maxAngle),
                (float) random.nextDouble(0.88, 1.12),
                (float) random.nextDouble(-0.08, 0.08),
                (float) random.nextDouble(-0.08, 0.08),
                (float) random.nextDouble(-0.02, 0.02),
                (float) random.nextDouble(0.008, 0.02));
    }

    /** Applies lighting and sensor noise to a finished canvas. */
    void expose(Canvas c, SplittableRandom random) {
        for (int y = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) {
                int i = y * c.width + x;
                float light = brightness * (1 + gradientX * (x / (float) c.width - 0.5f) * 2
                        + gradientY * (y / (float) c.height - 0.5f) * 2);
                c.r[i] = c.r[i] * light + tint + (float) gaussian(random) * noise;
                c.g[i] = c.g[i] * light + (float) gaussian(random) * noise;
                c.b[i] = c.b[i] * light - tint + (float) gaussian(random) * noise;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
