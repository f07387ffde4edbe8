package dev.loupe.api.workspace;

import dev.loupe.api.model.ModelPackagingConfiguration;
import dev.loupe.api.model.ModelPackagingJobStatus;
import dev.loupe.api.model.ModelPackagingOutputDetails;
import java.time.Instant;
import java.util.Objects;

/**
 * A model packaging job's descriptor, {@code projects/<name>/packaging-jobs/<job>.json}.
 *
 * @param jobName              the job's name (given, or a generated UUID)
 * @param modelVersion         the packaged version (never {@code latest}: resolved at the start)
 * @param configuration        the Greengrass configuration as given (component version defaulted)
 * @param description          the caller's description, or null
 * @param status               the lifecycle status
 * @param statusMessage        the message that goes with it
 * @param outputDetails        the component written, once SUCCEEDED
 * @param creationTimestamp    when the job was started
 * @param lastUpdatedTimestamp when the status last changed
 */
public record JobFile(String jobName, String modelVersion, ModelPackagingConfiguration configuration,
                      String description, ModelPackagingJobStatus status, String statusMessage,
                      ModelPackagingOutputDetails outputDetails, Instant creationTimestamp,
                      Instant lastUpdatedTimestamp) {
    public JobFile {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(status, "status");
    }

    public JobFile withStatus(ModelPackagingJobStatus newStatus, String message, ModelPackagingOutputDetails details,
                              Instant now) {
        return new JobFile(jobName, modelVersion, configuration, description, newStatus, message, details,
                creationTimestamp, now);
    }
}
