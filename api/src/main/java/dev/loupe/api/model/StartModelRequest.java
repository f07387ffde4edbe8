package dev.loupe.api.model;

/**
 * StartModel: hosts a trained model so that DetectAnomalies can use it.
 *
 * <pre>{@code
 * lv.startModel(b -> b.projectName("p").modelVersion("1").minInferenceUnits(1).maxInferenceUnits(2));
 * }</pre>
 *
 * @param projectName       the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion      the model's version (1..10, {@code ([1-9][0-9]*|latest)})
 * @param minInferenceUnits the inference units to start with (at least 1)
 * @param clientToken       an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @param maxInferenceUnits the most it may scale to (optional, at least 1 and at least
 *                          {@code minInferenceUnits})
 * @throws ValidationException when a constraint is broken
 */
public record StartModelRequest(String projectName, String modelVersion, Integer minInferenceUnits,
        String clientToken, Integer maxInferenceUnits) {

    public StartModelRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION)
                .required("minInferenceUnits", minInferenceUnits)
                .range("minInferenceUnits", minInferenceUnits, 1, Integer.MAX_VALUE)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .range("maxInferenceUnits", maxInferenceUnits, 1, Integer.MAX_VALUE)
                .atLeast("maxInferenceUnits", maxInferenceUnits, "minInferenceUnits", minInferenceUnits)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion)
                .minInferenceUnits(minInferenceUnits).clientToken(clientToken)
                .maxInferenceUnits(maxInferenceUnits);
    }

    /** Builds a {@link StartModelRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String modelVersion;
        private Integer minInferenceUnits;
        private String clientToken;
        private Integer maxInferenceUnits;

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

        public Builder minInferenceUnits(Integer minInferenceUnits) {
            this.minInferenceUnits = minInferenceUnits;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public Builder maxInferenceUnits(Integer maxInferenceUnits) {
            this.maxInferenceUnits = maxInferenceUnits;
            return this;
        }

        public StartModelRequest build() {
            return new StartModelRequest(projectName, modelVersion, minInferenceUnits, clientToken,
                    maxInferenceUnits);
        }
    }
}
