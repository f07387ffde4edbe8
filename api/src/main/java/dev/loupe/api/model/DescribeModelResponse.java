package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * DescribeModel's answer: the model.
 *
 * @param modelDescription the model
 */
public record DescribeModelResponse(ModelDescription modelDescription) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelDescription(modelDescription);
    }

    /** Builds a {@link DescribeModelResponse}; not thread-safe. */
    public static final class Builder {
        private ModelDescription modelDescription;

        private Builder() {
        }

        public Builder modelDescription(ModelDescription modelDescription) {
            this.modelDescription = modelDescription;
            return this;
        }

        public Builder modelDescription(Consumer<ModelDescription.Builder> modelDescription) {
            ModelDescription.Builder b = ModelDescription.builder();
            modelDescription.accept(b);
            return modelDescription(b.build());
        }

        public DescribeModelResponse build() {
            return new DescribeModelResponse(modelDescription);
        }
    }
}
