package dev.loupe.api.model;

/**
 * DeleteModel: removes one version of a project's model; it must not be hosted.
 *
 * <pre>{@code
 * lv.deleteModel(b -> b.projectName("p").modelVersion("2"));
 * }</pre>
 *
 * @param projectName  the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion the model's version (1..10, {@code ([1-9][0-9]*)}: not {@code latest})
 * @param clientToken  an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record DeleteModelRequest(String projectName, String modelVersion, String clientToken) {

    public DeleteModelRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION_NO_LATEST)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion).clientToken(clientToken);
    }

    /** Builds a {@link DeleteModelRequest}; not thread-safe. */
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

        public DeleteModelRequest build() {
            return new DeleteModelRequest(projectName, modelVersion, clientToken);
        }
    }
}
