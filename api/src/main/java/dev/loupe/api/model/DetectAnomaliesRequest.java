package dev.loupe.api.model;

/**
 * DetectAnomalies: judges one image with a hosted model. The image itself travels apart, as a
 * {@link RequestBody}, as in the AWS SDK.
 *
 * <pre>{@code
 * DetectAnomalyResult r = lv.detectAnomalies(
 *         b -> b.projectName("p").modelVersion("1").contentType("image/png"),
 *         RequestBody.fromFile(Path.of("board.png"))).detectAnomalyResult();
 * }</pre>
 *
 * @param projectName  the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion the model's version (1..10, {@code ([1-9][0-9]*|latest)})
 * @param contentType  the image's type, {@code image/png} or {@code image/jpeg} (1..255)
 * @throws ValidationException when a constraint is broken
 */
public record DetectAnomaliesRequest(String projectName, String modelVersion, String contentType) {

    public DetectAnomaliesRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION)
                .required("contentType", contentType)
                .string("contentType", contentType, 1, 255, Constraints.CONTENT_TYPE)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion).contentType(contentType);
    }

    /** Builds a {@link DetectAnomaliesRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String modelVersion;
        private String contentType;

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

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public DetectAnomaliesRequest build() {
            return new DetectAnomaliesRequest(projectName, modelVersion, contentType);
        }
    }
}
