package dev.loupe.api.model;

/**
 * A model's performance on its test dataset, as CreateModel, DescribeModel and ListModels report it.
 *
 * @param f1Score   the F1 score, 0..1
 * @param recall    the recall, 0..1
 * @param precision the precision, 0..1
 */
public record ModelPerformance(Float f1Score, Float recall, Float precision) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().f1Score(f1Score).recall(recall).precision(precision);
    }

    /** Builds a {@link ModelPerformance}; not thread-safe. */
    public static final class Builder {
        private Float f1Score;
        private Float recall;
        private Float precision;

        private Builder() {
        }

        public Builder f1Score(Float f1Score) {
            this.f1Score = f1Score;
            return this;
        }

        public Builder recall(Float recall) {
            this.recall = recall;
            return this;
        }

        public Builder precision(Float precision) {
            this.precision = precision;
            return this;
        }

        public ModelPerformance build() {
            return new ModelPerformance(f1Score, recall, precision);
        }
    }
}
