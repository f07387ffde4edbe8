package dev.loupe.api.model;

/**
 * Where the image that DetectAnomalies judged came from.
 *
 * @param type the source: {@code direct} for an image sent with the request
 */
public record ImageSource(String type) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().type(type);
    }

    /** Builds a {@link ImageSource}; not thread-safe. */
    public static final class Builder {
        private String type;

        private Builder() {
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public ImageSource build() {
            return new ImageSource(type);
        }
    }
}
