package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ListModels' answer: a page of models.
 *
 * @param models    the page's models, never {@code null}
 * @param nextToken the token for the next page; {@code null} on the last
 */
public record ListModelsResponse(List<ModelMetadata> models, String nextToken) {

    public ListModelsResponse {
        models = models == null ? List.of() : List.copyOf(models);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().models(models).nextToken(nextToken);
    }

    /** Builds a {@link ListModelsResponse}; not thread-safe. */
    public static final class Builder {
        private List<ModelMetadata> models;
        private String nextToken;

        private Builder() {
        }

        public Builder models(Collection<ModelMetadata> models) {
            this.models = models == null ? null : List.copyOf(models);
            return this;
        }

        public Builder models(ModelMetadata... models) {
            return models(models == null ? null : Arrays.asList(models));
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public ListModelsResponse build() {
            return new ListModelsResponse(models, nextToken);
        }
    }
}
