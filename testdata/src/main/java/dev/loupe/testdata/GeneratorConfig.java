package dev.loupe.testdata;

import java.util.Objects;

/**
 * What to generate. Built with {@link #builder(PartKind)}; every field has a default that makes
 * a small dataset meeting the service's train+test minimums for classification.
 *
 * @param kind             the kind of part
 * @param seed             the one seed every random stream is split from
 * @param width            image width in pixels (64..4096, as the service accepted)
 * @param height           image height in pixels
 * @param trainNormal      normal training images
 * @param trainAnomalous   anomalous training images
 * @param testNormal       normal test images
 * @param testAnomalous    anomalous test images
 * @param jpeg             write images as JPEG (masks are always PNG)
 * @param multiDefectRate  the share of anomalous images given a second defect class
 */
public record GeneratorConfig(PartKind kind, long seed, int width, int height, int trainNormal, int trainAnomalous,
                              int testNormal, int testAnomalous, boolean jpeg, double multiDefectRate) {

    public GeneratorConfig {
        Objects.requireNonNull(kind, "kind");
        if (width < 64 || height < 64 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("image sides must be 64 to 4096 pixels, got " + width + "x" + height);
        }
        if (trainNormal < 0 || trainAnomalous < 0 || testNormal < 0 || testAnomalous < 0) {
            throw new IllegalArgumentException("image counts must not be negative");
        }
        if (trainNormal + trainAnomalous + testNormal + testAnomalous > 100_000) {
            throw new IllegalArgumentException("at most 100,000 images in one dataset");
        }
        if (multiDefectRate < 0 || multiDefectRate > 1) {
            throw new IllegalArgumentException("multiDefectRate must be 0..1, was " + multiDefectRate);
        }
    }

    public static Builder builder(PartKind kind) {
        return new Builder(kind);
    }

    /** Builder with the defaults: seed 1, 128x128 PNG, 20+12 train, 10+10 test, 20 % two defects. */
    public static final class Builder {
        private final PartKind kind;
        private long seed = 1;
        private int width = 128;
        private int height = 128;
        private int trainNormal = 20;
        private int trainAnomalous = 12;
        private int testNormal = 10;
        private int testAnomalous = 10;
        private boolean jpeg;
        private double multiDefectRate = 0.2;

        private Builder(PartKind kind) {
            this.kind = kind;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder train(int normal, int anomalous) {
            this.trainNormal = normal;
            this.trainAnomalous = anomalous;
            return this;
        }

        public Builder test(int normal, int anomalous) {
            this.testNormal = normal;
            this.testAnomalous = anomalous;
            return this;
        }

        public Builder jpeg(boolean jpeg) {
            this.jpeg = jpeg;
            return this;
        }

        public Builder multiDefectRate(double rate) {
            this.multiDefectRate = rate;
            return this;
        }

        public GeneratorConfig build() {
            return new GeneratorConfig(kind, seed, width, height, trainNormal, trainAnomalous, testNormal, testAnomalous,
                    jpeg, multiDefectRate);
        }
    }
}
