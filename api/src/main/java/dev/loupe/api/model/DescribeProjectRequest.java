package dev.loupe.api.model;

/**
 * DescribeProject: a project and its datasets.
 *
 * <pre>{@code
 * ProjectDescription p = lv.describeProject(b -> b.projectName("circuit-boards"))
 *         .projectDescription();
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @throws ValidationException when a constraint is broken
 */
public record DescribeProjectRequest(String projectName) {

    public DescribeProjectRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName);
    }

    /** Builds a {@link DescribeProjectRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public DescribeProjectRequest build() {
            return new DescribeProjectRequest(projectName);
        }
    }
}
