package dev.loupe.api.model;

/**
 * Where an anomaly lies in DetectAnomalies' anomaly mask.
 *
 * @param totalPercentageArea the share of the image's area that the anomaly covers
 * @param color               the anomaly's colour in the mask, as {@code #RRGGBB}
 */
public record PixelAnomaly(Float totalPercentageArea, String color) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().totalPercentageArea(totalPercentageArea).color(color);
    }

    /** Builds a {@link PixelAnomaly}; not thread-safe. */
    public static final class Builder {
        private Float totalPercentageArea;
        private String color;

        private Builder() {
        }

        public Builder totalPercentageArea(Float totalPercentageArea) {
            this.totalPercentageArea = totalPercentageArea;
            return this;
        }

        public Builder color(String color) {
            this.color = color;
            return this;
        }

        public PixelAnomaly build() {
            return new PixelAnomaly(totalPercentageArea, color);
        }
    }
}
