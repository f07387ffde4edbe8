package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * CreateModel's answer: the new model, in training.
 *
 * @param modelMetadata the model
 */
public record CreateModelResponse(ModelMetadata modelMetadata) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelMetadata(modelMetadata);
    }

    /** Builds a {@link CreateModelResponse}; not thread-safe. */
    public static final class Builder {
        private ModelMetadata modelMetadata;

        private Builder() {
        }

        public Builder modelMetadata(ModelMetadata modelMetadata) {
            this.modelMetadata = modelMetadata;
            return this;
        }

        public Builder modelMetadata(Consumer<ModelMetadata.Builder> modelMetadata) {
            ModelMetadata.Builder b = ModelMetadata.builder();
            modelMetadata.accept(b);
            return modelMetadata(b.build());
        }

        public CreateModelResponse build() {
            return new CreateModelResponse(modelMetadata);
        }
    }
}
