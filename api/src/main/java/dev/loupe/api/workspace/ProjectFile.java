package dev.loupe.api.workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * A project's descriptor, {@code projects/<name>/project.json}.
 *
 * @param projectName       the name
 * @param projectArn        the ARN given at creation (kept, so it never changes with the config)
 * @param creationTimestamp when it was created
 * @param nextModelVersion  the version number the next CreateModel takes (versions are never reused)
 */
public record ProjectFile(String projectName, String projectArn, Instant creationTimestamp,
                          int nextModelVersion) {
    public ProjectFile {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectArn, "projectArn");
        Objects.requireNonNull(creationTimestamp, "creationTimestamp");
    }
}
