package dev.loupe.api.model;

/**
 * DeleteProject's answer.
 *
 * @param projectArn the deleted project's ARN
 */
public record DeleteProjectResponse(String projectArn) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectArn(projectArn);
    }

    /** Builds a {@link DeleteProjectResponse}; not thread-safe. */
    public static final class Builder {
        private String projectArn;

        private Builder() {
        }

        public Builder projectArn(String projectArn) {
            this.projectArn = projectArn;
            return this;
        }

        public DeleteProjectResponse build() {
            return new DeleteProjectResponse(projectArn);
        }
    }
}
