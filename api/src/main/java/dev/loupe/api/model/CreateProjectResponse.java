package dev.loupe.api.model;

import java.util.function.Consumer;

/** CreateProject's answer: the new project. */
public record CreateProjectResponse(ProjectMetadata projectMetadata) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectMetadata(projectMetadata);
    }

    /** Builds a {@link CreateProjectResponse}; not thread-safe. */
    public static final class Builder {
        private ProjectMetadata projectMetadata;

        private Builder() {
        }

        public Builder projectMetadata(ProjectMetadata projectMetadata) {
            this.projectMetadata = projectMetadata;
            return this;
        }

        public Builder projectMetadata(Consumer<ProjectMetadata.Builder> metadata) {
            ProjectMetadata.Builder b = ProjectMetadata.builder();
            metadata.accept(b);
            return projectMetadata(b.build());
        }

        public CreateProjectResponse build() {
            return new CreateProjectResponse(projectMetadata);
        }
    }
}
