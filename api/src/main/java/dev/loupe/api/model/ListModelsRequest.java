package dev.loupe.api.model;

/**
 * ListModels: a page of a project's models.
 *
 * <pre>{@code
 * ListModelsResponse page = lv.listModels(b -> b.projectName("p").maxResults(20));
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param nextToken   the previous page's {@code nextToken} (optional, 0..2048,
 *                    {@code [a-zA-Z0-9\/\+\=]*})
 * @param maxResults  the most results a page may hold (optional, 1..100)
 * @throws ValidationException when a constraint is broken
 */
public record ListModelsRequest(String projectName, String nextToken, Integer maxResults) {

    public ListModelsRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .string("nextToken", nextToken, 0, 2048, Constraints.PAGINATION_TOKEN)
                .range("maxResults", maxResults, 1, 100)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).nextToken(nextToken).maxResults(maxResults);
    }

    /** Builds a {@link ListModelsRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String nextToken;
        private Integer maxResults;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
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

        public ListModelsRequest build() {
            return new ListModelsRequest(projectName, nextToken, maxResults);
        }
    }
}
