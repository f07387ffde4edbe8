package dev.loupe.api.model;

import java.time.Instant;

/**
 * ListDatasetEntries: a page of a dataset's entries as JSON Lines, optionally filtered.
 *
 * <pre>{@code
 * List<String> normal = lv.listDatasetEntries(b -> b.projectName("p").datasetType("train")
 *         .labeled(true).anomalyClass("normal")).datasetEntries();
 * }</pre>
 *
 * @param projectName        the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param datasetType        {@code train} or {@code test} (1..10, {@code train|test})
 * @param labeled            only labeled ({@code true}) or unlabeled ({@code false}) entries
 *                           (optional)
 * @param anomalyClass       only entries of this class (optional, 1..10, {@code (normal|anomaly)})
 * @param beforeCreationDate only entries created before this (optional)
 * @param afterCreationDate  only entries created after this (optional)
 * @param nextToken          the previous page's {@code nextToken} (optional, 0..2048, {@code [a-zA-Z0-9\/\+\=]*})
 * @param maxResults         the most results a page may hold (optional, 1..100)
 * @param sourceRefContains  only entries whose {@code source-ref} contains this (optional, 1..2048,
 *                           not blank)
 * @throws ValidationException when a constraint is broken
 */
public record ListDatasetEntriesRequest(String projectName, String datasetType, Boolean labeled,
        String anomalyClass, Instant beforeCreationDate, Instant afterCreationDate,
        String nextToken, Integer maxResults, String sourceRefContains) {

    public ListDatasetEntriesRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("datasetType", datasetType)
                .string("datasetType", datasetType, 1, 10, Constraints.DATASET_TYPE)
                .string("anomalyClass", anomalyClass, 1, 10, Constraints.ANOMALY_CLASS)
                .string("nextToken", nextToken, 0, 2048, Constraints.PAGINATION_TOKEN)
                .range("maxResults", maxResults, 1, 100)
                .string("sourceRefContains", sourceRefContains, 1, 2048, Constraints.QUERY_STRING)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).datasetType(datasetType).labeled(labeled)
                .anomalyClass(anomalyClass).beforeCreationDate(beforeCreationDate)
                .afterCreationDate(afterCreationDate).nextToken(nextToken).maxResults(maxResults)
                .sourceRefContains(sourceRefContains);
    }

    /** Builds a {@link ListDatasetEntriesRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String datasetType;
        private Boolean labeled;
        private String anomalyClass;
        private Instant beforeCreationDate;
        private Instant afterCreationDate;
        private String nextToken;
        private Integer maxResults;
        private String sourceRefContains;

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

        public Builder labeled(Boolean labeled) {
            this.labeled = labeled;
            return this;
        }

        public Builder anomalyClass(String anomalyClass) {
            this.anomalyClass = anomalyClass;
            return this;
        }

        public Builder beforeCreationDate(Instant beforeCreationDate) {
            this.beforeCreationDate = beforeCreationDate;
            return this;
        }

        public Builder afterCreationDate(Instant afterCreationDate) {
            this.afterCreationDate = afterCreationDate;
            return this;
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        public Builder sourceRefContains(String sourceRefContains) {
            this.sourceRefContains = sourceRefContains;
            return this;
        }

        public ListDatasetEntriesRequest build() {
            return new ListDatasetEntriesRequest(projectName, datasetType, labeled, anomalyClass,
                    beforeCreationDate, afterCreationDate, nextToken, maxResults,
                    sourceRefContains);
        }
    }
}
