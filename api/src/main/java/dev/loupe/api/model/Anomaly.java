package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * A kind of anomaly that DetectAnomalies found in an image, or the image's normal part, named
 * {@code background}.
 *
 * @param name         the anomaly's label; {@code background} for the normal part
 * @param pixelAnomaly its area and colour in the mask
 */
public record Anomaly(String name, PixelAnomaly pixelAnomaly) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).pixelAnomaly(pixelAnomaly);
    }

    /** Builds a {@link Anomaly}; not thread-safe. */
    public static final class Builder {
        private String name;
        private PixelAnomaly pixelAnomaly;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder pixelAnomaly(PixelAnomaly pixelAnomaly) {
            this.pixelAnomaly = pixelAnomaly;
            return this;
        }

        public Builder pixelAnomaly(Consumer<PixelAnomaly.Builder> pixelAnomaly) {
            PixelAnomaly.Builder b = PixelAnomaly.builder();
            pixelAnomaly.accept(b);
            return pixelAnomaly(b.build());
        }

        public Anomaly build() {
            return new Anomaly(name, pixelAnomaly);
        }
    }
}
