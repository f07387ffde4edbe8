package dev.loupe.api.model;

/**
 * UpdateDatasetEntries: adds or changes a dataset's entries from JSON Lines, one manifest entry a
 * line.
 *
 * <pre>{@code
 * lv.updateDatasetEntries(b -> b.projectName("p").datasetType("train")
 *         .changes(SdkBytes.fromUtf8String(jsonLines)));
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param datasetType {@code train} or {@code test} (1..10, {@code train|test})
 * @param changes     the entries as JSON Lines (1..10485760 bytes)
 * @param clientToken an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record UpdateDatasetEntriesRequest(String projectName, String datasetType, SdkBytes changes,
        String clientToken) {

    public UpdateDatasetEntriesRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("datasetType", datasetType)
                .string("datasetType", datasetType, 1, 10, Constraints.DATASET_TYPE)
                .required("changes", changes)
                .bytes("changes", changes, 1, 10485760)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType).changes(changes)
                .clientToken(clientToken);
    }

    /** Builds a {@link UpdateDatasetEntriesRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;
        private SdkBytes changes;
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

        public Builder changes(SdkBytes changes) {
            this.changes = changes;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public UpdateDatasetEntriesRequest build() {
            return new UpdateDatasetEntriesRequest(projectName, datasetType, changes, clientToken);
        }
    }
}
