package dev.loupe.api.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A project as DescribeProject describes it: its metadata and its datasets.
 *
 * @param projectArn        {@code arn:aws:lookoutvision:{region}:{account}:project/{name}}
 * @param projectName       the project's name
 * @param creationTimestamp when it was created
 * @param datasets          its datasets, never {@code null}
 */
public record ProjectDescription(String projectArn, String projectName, Instant creationTimestamp,
        List<DatasetMetadata> datasets) {

    public ProjectDescription {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectArn(projectArn).projectName(projectName)
                .creationTimestamp(creationTimestamp).datasets(datasets);
    }

    /** Builds a {@link ProjectDescription}; not thread-safe. */
    public static final class Builder {
        private String projectArn;
        private String projectName;
        private Instant creationTimestamp;
        private List<DatasetMetadata> datasets;

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

        public Builder datasets(Collection<DatasetMetadata> datasets) {
            this.datasets = datasets == null ? null : List.copyOf(datasets);
            return this;
        }

        public Builder datasets(DatasetMetadata... datasets) {
            return datasets(datasets == null ? null : Arrays.asList(datasets));
        }

        public ProjectDescription build() {
            return new ProjectDescription(projectArn, projectName, creationTimestamp, datasets);
        }
    }
}
