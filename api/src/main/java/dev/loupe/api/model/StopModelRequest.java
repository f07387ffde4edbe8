package dev.loupe.api.model;

/**
 * StopModel: ends a model's hosting.
 *
 * <pre>{@code
 * lv.stopModel(b -> b.projectName("p").modelVersion("1"));
 * }</pre>
 *
 * @param projectName  the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion the model's version (1..10, {@code ([1-9][0-9]*|latest)})
 * @param clientToken  an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record StopModelRequest(String projectName, String modelVersion, String clientToken) {

    public StopModelRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion).clientToken(clientToken);
    }

    /** Builds a {@link StopModelRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String modelVersion;
        private String clientToken;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public StopModelRequest build() {
            return new StopModelRequest(projectName, modelVersion, clientToken);
        }
    }
}
