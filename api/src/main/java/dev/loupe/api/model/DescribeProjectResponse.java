package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * DescribeProject's answer: the project and its datasets.
 *
 * @param projectDescription the project
 */
public record DescribeProjectResponse(ProjectDescription projectDescription) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectDescription(projectDescription);
    }

    /** Builds a {@link DescribeProjectResponse}; not thread-safe. */
    public static final class Builder {
        private ProjectDescription projectDescription;

        private Builder() {
        }

        public Builder projectDescription(ProjectDescription projectDescription) {
            this.projectDescription = projectDescription;
            return this;
        }

        public Builder projectDescription(Consumer<ProjectDescription.Builder> projectDescription) {
            ProjectDescription.Builder b = ProjectDescription.builder();
            projectDescription.accept(b);
            return projectDescription(b.build());
        }

        public DescribeProjectResponse build() {
            return new DescribeProjectResponse(projectDescription);
        }
    }
}
