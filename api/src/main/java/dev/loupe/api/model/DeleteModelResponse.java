package dev.loupe.api.model;

/**
 * DeleteModel's answer.
 *
 * @param modelArn the deleted model's ARN
 */
public record DeleteModelResponse(String modelArn) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelArn(modelArn);
    }

    /** Builds a {@link DeleteModelResponse}; not thread-safe. */
    public static final class Builder {
        private String modelArn;

        private Builder() {
        }

        public Builder modelArn(String modelArn) {
            this.modelArn = modelArn;
            return this;
        }

        public DeleteModelResponse build() {
            return new DeleteModelResponse(modelArn);
        }
    }
}
