package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * CreateDataset: a project's training or test dataset, empty or filled from a manifest.
 *
 * <pre>{@code
 * lv.createDataset(b -> b.projectName("p").datasetType("train").datasetSource(s -> s.groundTruthManifest(
 *         g -> g.s3Object(o -> o.bucket("b").key("train.manifest")))));
 * }</pre>
 *
 * @param projectName   the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param datasetType   {@code train} or {@code test} (1..10, {@code train|test})
 * @param datasetSource where its images come from (optional; its S3 object as {@link InputS3Object})
 * @param clientToken   an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record CreateDatasetRequest(String projectName, String datasetType,
        DatasetSource datasetSource, String clientToken) {

    public CreateDatasetRequest {
        Constraints c = Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("datasetType", datasetType)
                .string("datasetType", datasetType, 1, 10, Constraints.DATASET_TYPE)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN);
        if (datasetSource != null) {
            datasetSource.validate(c, "datasetSource");
        }
        c.orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType)
                .datasetSource(datasetSource).clientToken(clientToken);
    }

    /** Builds a {@link CreateDatasetRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;
        private DatasetSource datasetSource;
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

        public Builder datasetSource(DatasetSource datasetSource) {
            this.datasetSource = datasetSource;
            return this;
        }

        public Builder datasetSource(Consumer<DatasetSource.Builder> datasetSource) {
            DatasetSource.Builder b = DatasetSource.builder();
            datasetSource.accept(b);
            return datasetSource(b.build());
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public CreateDatasetRequest build() {
            return new CreateDatasetRequest(projectName, datasetType, datasetSource, clientToken);
        }
    }
}
