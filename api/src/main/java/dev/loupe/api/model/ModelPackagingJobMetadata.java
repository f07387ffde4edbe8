package dev.loupe.api.model;

import java.time.Instant;

/**
 * A model packaging job as ListModelPackagingJobs describes it.
 *
 * @param jobName                      the job's name
 * @param projectName                  the project's name
 * @param modelVersion                 the packaged model's version
 * @param modelPackagingJobDescription the job's description, if it was given one
 * @param modelPackagingMethod         how the model is packaged: {@code Greengrass}
 * @param status                       where the job is
 * @param statusMessage                the status in words
 * @param creationTimestamp            when the job was created
 * @param lastUpdatedTimestamp         when its status last changed
 */
public record ModelPackagingJobMetadata(String jobName, String projectName, String modelVersion,
        String modelPackagingJobDescription, String modelPackagingMethod, ModelPackagingJobStatus status,
        String statusMessage, Instant creationTimestamp, Instant lastUpdatedTimestamp) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().jobName(jobName).projectName(projectName).modelVersion(modelVersion)
                .modelPackagingJobDescription(modelPackagingJobDescription)
                .modelPackagingMethod(modelPackagingMethod).status(status).statusMessage(statusMessage)
                .creationTimestamp(creationTimestamp).lastUpdatedTimestamp(lastUpdatedTimestamp);
    }

    /** Builds a {@link ModelPackagingJobMetadata}; not thread-safe. */
    public static final class Builder {
        private String jobName;
        private String projectName;
        private String modelVersion;
        private String modelPackagingJobDescription;
        private String modelPackagingMethod;
        private ModelPackagingJobStatus status;
        private String statusMessage;
        private Instant creationTimestamp;
        private Instant lastUpdatedTimestamp;

        private Builder() {
        }

        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder modelPackagingJobDescription(String modelPackagingJobDescription) {
            this.modelPackagingJobDescription = modelPackagingJobDescription;
            return this;
        }

        public Builder modelPackagingMethod(String modelPackagingMethod) {
            this.modelPackagingMethod = modelPackagingMethod;
            return this;
        }

        public Builder status(ModelPackagingJobStatus status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the status by its wire value; an unknown one is
         * {@link ModelPackagingJobStatus#UNKNOWN_TO_SDK_VERSION}.
         */
        public Builder status(String status) {
            return status(ModelPackagingJobStatus.fromValue(status));
        }

        public Builder statusMessage(String statusMessage) {
            this.statusMessage = statusMessage;
            return this;
        }

        public Builder creationTimestamp(Instant creationTimestamp) {
            this.creationTimestamp = creationTimestamp;
            return this;
        }

        public Builder lastUpdatedTimestamp(Instant lastUpdatedTimestamp) {
            this.lastUpdatedTimestamp = lastUpdatedTimestamp;
            return this;
        }

        public ModelPackagingJobMetadata build() {
            return new ModelPackagingJobMetadata(jobName, projectName, modelVersion,
                    modelPackagingJobDescription, modelPackagingMethod, status, statusMessage,
                    creationTimestamp, lastUpdatedTimestamp);
        }
    }
}
