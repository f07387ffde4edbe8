package dev.loupe.api.model;

/** UntagResource's answer, which holds nothing. */
public record UntagResourceResponse() {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder();
    }

    /** Builds a {@link UntagResourceResponse}; not thread-safe. */
    public static final class Builder {
        private Builder() {
        }

        public UntagResourceResponse build() {
            return new UntagResourceResponse();
        }
    }
}
