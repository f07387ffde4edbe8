package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ListProjects' answer: a page of projects.
 *
 * @param projects  the page's projects, never {@code null}
 * @param nextToken the token for the next page; {@code null} on the last
 */
public record ListProjectsResponse(List<ProjectMetadata> projects, String nextToken) {

    public ListProjectsResponse {
        projects = projects == null ? List.of() : List.copyOf(projects);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projects(projects).nextToken(nextToken);
    }

    /** Builds a {@link ListProjectsResponse}; not thread-safe. */
    public static final class Builder {
        private List<ProjectMetadata> projects;
        private String nextToken;

        private Builder() {
        }

        public Builder projects(Collection<ProjectMetadata> projects) {
            this.projects = projects == null ? null : List.copyOf(projects);
            return this;
        }

        public Builder projects(ProjectMetadata... projects) {
            return projects(projects == null ? null : Arrays.asList(projects));
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public ListProjectsResponse build() {
            return new ListProjectsResponse(projects, nextToken);
        }
    }
}
