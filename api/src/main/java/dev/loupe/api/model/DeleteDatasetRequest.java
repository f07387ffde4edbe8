package dev.loupe.api.model;

/**
 * DeleteDataset: removes a project's training or test dataset.
 *
 * <pre>{@code
 * lv.deleteDataset(b -> b.projectName("p").datasetType("test").clientToken(uuid));
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param datasetType {@code train} or {@code test} (1..10, {@code train|test})
 * @param clientToken an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record DeleteDatasetRequest(String projectName, String datasetType, String clientToken) {

    public DeleteDatasetRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("datasetType", datasetType)
                .string("datasetType", datasetType, 1, 10, Constraints.DATASET_TYPE)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType)
                .clientToken(clientToken);
    }

    /** Builds a {@link DeleteDatasetRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;
        private String clientToken;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder datasetType(String datasetType) {
            this.datasetType = datasetType;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public DeleteDatasetRequest build() {
            return new DeleteDatasetRequest(projectName, datasetType, clientToken);
        }
    }
}
