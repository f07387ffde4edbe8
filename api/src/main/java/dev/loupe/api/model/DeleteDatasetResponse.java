package dev.loupe.api.model;

/** DeleteDataset's answer, which holds nothing. */
public record DeleteDatasetResponse() {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder();
    }

    /** Builds a {@link DeleteDatasetResponse}; not thread-safe. */
    public static final class Builder {
        private Builder() {
        }

        public DeleteDatasetResponse build() {
            return new DeleteDatasetResponse();
        }
    }
}
