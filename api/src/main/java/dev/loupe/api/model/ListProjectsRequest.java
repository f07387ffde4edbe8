package dev.loupe.api.model;

/**
 * ListProjects: a page of the workspace's projects.
 *
 * <pre>{@code
 * ListProjectsResponse page = lv.listProjects(b -> b.maxResults(50));
 * }</pre>
 *
 * @param nextToken  the previous page's {@code nextToken} (optional, 0..2048, {@code [a-zA-Z0-9\/\+\=]*})
 * @param maxResults the most results a page may hold (optional, 1..100)
 * @throws ValidationException when a constraint is broken
 */
public record ListProjectsRequest(String nextToken, Integer maxResults) {

    public ListProjectsRequest {
        Constraints.check()
                .string("nextToken", nextToken, 0, 2048, Constraints.PAGINATION_TOKEN)
                .range("maxResults", maxResults, 1, 100)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().nextToken(nextToken).maxResults(maxResults);
    }

    /** Builds a {@link ListProjectsRequest}; not thread-safe. */
    public static final class Builder {
        private String nextToken;
        private Integer maxResults;

        private Builder() {
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public Builder maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return this;
        }

        public ListProjectsRequest build() {
            return new ListProjectsRequest(nextToken, maxResults);
        }
    }
}
