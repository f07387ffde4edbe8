package dev.loupe.api.model;

/**
 * CreateProject: a new, empty project.
 *
 * <pre>{@code
 * lv.createProject(b -> b.projectName("circuit-boards").clientToken(uuid));
 * }</pre>
 *
 * @param projectName the name, unique in the workspace (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param clientToken an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record CreateProjectRequest(String projectName, String clientToken) {

    public CreateProjectRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).clientToken(clientToken);
    }

    /** Builds a {@link CreateProjectRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String clientToken;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public CreateProjectRequest build() {
            return new CreateProjectRequest(projectName, clientToken);
        }
    }
}
