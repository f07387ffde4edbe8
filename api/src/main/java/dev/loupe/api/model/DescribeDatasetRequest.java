package dev.loupe.api.model;

/**
 * DescribeDataset: a dataset's status and image counts.
 *
 * <pre>{@code
 * DatasetDescription d = lv.describeDataset(b -> b.projectName("p").datasetType("train"))
 *         .datasetDescription();
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param datasetType {@code train} or {@code test} (1..10, {@code train|test})
 * @throws ValidationException when a constraint is broken
 */
public record DescribeDatasetRequest(String projectName, String datasetType) {

    public DescribeDatasetRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("datasetType", datasetType)
                .string("datasetType", datasetType, 1, 10, Constraints.DATASET_TYPE)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType);
    }

    /** Builds a {@link DescribeDatasetRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;

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

        public DescribeDatasetRequest build() {
            return new DescribeDatasetRequest(projectName, datasetType);
        }
    }
}
