package dev.loupe.api.model;

import java.time.Instant;

/**
 * A project as CreateProject and ListProjects describe it.
 *
 * @param projectArn        {@code arn:aws:lookoutvision:{region}:{account}:project/{name}}
 * @param projectName       the project's name
 * @param creationTimestamp when it was created
 */
public record ProjectMetadata(String projectArn, String projectName, Instant creationTimestamp) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectArn(projectArn).projectName(projectName)
                .creationTimestamp(creationTimestamp);
    }

    /** Builds a {@link ProjectMetadata}; not thread-safe. */
    public static final class Builder {
        private String projectArn;
        private String projectName;
        private Instant creationTimestamp;

        private Builder() {
        }

        public Builder projectArn(String projectArn) {
            this.projectArn = projectArn;
            return this;
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        public ProjectMetadata build() {
            return new ProjectMetadata(projectArn, projectName, creationTimestamp);
        }
    }
}
