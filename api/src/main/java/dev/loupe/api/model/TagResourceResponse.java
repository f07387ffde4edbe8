package dev.loupe.api.model;

/** TagResource's answer, which holds nothing. */
public record TagResourceResponse() {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder();
    }

    /** Builds a {@link TagResourceResponse}; not thread-safe. */
    public static final class Builder {
        private Builder() {
        }

        public TagResourceResponse build() {
            return new TagResourceResponse();
        }
    }
}
