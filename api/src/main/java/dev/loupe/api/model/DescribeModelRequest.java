package dev.loupe.api.model;

/**
 * DescribeModel: one version of a project's model.
 *
 * <pre>{@code
 * ModelDescription m = lv.describeModel(b -> b.projectName("p").modelVersion("latest")).modelDescription();
 * }</pre>
 *
 * @param projectName  the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion the model's version (1..10, {@code ([1-9][0-9]*|latest)}), {@code latest} for the
 *                     newest
 * @throws ValidationException when a constraint is broken
 */
public record DescribeModelRequest(String projectName, String modelVersion) {

    public DescribeModelRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion);
    }

    /** Builds a {@link DescribeModelRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String modelVersion;

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

        public DescribeModelRequest build() {
            return new DescribeModelRequest(projectName, modelVersion);
        }
    }
}
