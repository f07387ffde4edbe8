package dev.loupe.api.model;

/**
 * Counts of a dataset's images, as DescribeDataset reports them.
 *
 * @param total   all images
 * @param labeled the images with a label
 * @param normal  the images labeled normal
 * @param anomaly the images labeled anomalous
 */
public record DatasetImageStats(Integer total, Integer labeled, Integer normal, Integer anomaly) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().total(total).labeled(labeled).normal(normal).anomaly(anomaly);
    }

    /** Builds a {@link DatasetImageStats}; not thread-safe. */
    public static final class Builder {
        private Integer total;
        private Integer labeled;
        private Integer normal;
        private Integer anomaly;

        private Builder() {
        }

        public Builder total(Integer total) {
            this.total = total;
            return this;
        }

        public Builder labeled(Integer labeled) {
            this.labeled = labeled;
            return this;
        }

        public Builder normal(Integer normal) {
            this.normal = normal;
            return this;
        }

        public Builder anomaly(Integer anomaly) {
            this.anomaly = anomaly;
            return this;
        }

        public DatasetImageStats build() {
            return new DatasetImageStats(total, labeled, normal, anomaly);
        }
    }
}
