package dev.loupe.api.model;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A model packaging job as DescribeModelPackagingJob describes it.
 *
 * @param jobName                      the job's name
 * @param projectName                  the project's name
 * @param modelVersion                 the packaged model's version
 * @param modelPackagingConfiguration  how the job packages the model
 * @param modelPackagingJobDescription the job's description, if it was given one
 * @param modelPackagingMethod         how the model is packaged: {@code Greengrass}
 * @param modelPackagingOutputDetails  what the job created, once it has
 * @param status                       where the job is
 * @param statusMessage                the status in words
 * @param creationTimestamp            when the job was created
 * @param lastUpdatedTimestamp         when its status last changed
 */
public record ModelPackagingDescription(String jobName, String projectName, String modelVersion,
        ModelPackagingConfiguration modelPackagingConfiguration, String modelPackagingJobDescription,
        String modelPackagingMethod, ModelPackagingOutputDetails modelPackagingOutputDetails,
        ModelPackagingJobStatus status, String statusMessage, Instant creationTimestamp,
        Instant lastUpdatedTimestamp) {

    /** The status as its wire value; {@code null} when there is none. */
    public String statusAsString() {
        return status == null ? null : status.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().jobName(jobName).projectName(projectName).modelVersion(modelVersion)
                .modelPackagingConfiguration(modelPackagingConfiguration)
                .modelPackagingJobDescription(modelPackagingJobDescription)
                .modelPackagingMethod(modelPackagingMethod)
                .modelPackagingOutputDetails(modelPackagingOutputDetails).status(status)
                .statusMessage(statusMessage).creationTimestamp(creationTimestamp)
                .lastUpdatedTimestamp(lastUpdatedTimestamp);
    }

    /** Builds a {@link ModelPackagingDescription}; not thread-safe. */
    public static final class Builder {
        private String jobName;
        private String projectName;
        private String modelVersion;
        private ModelPackagingConfiguration modelPackagingConfiguration;
        private String modelPackagingJobDescription;
        private String modelPackagingMethod;
        private ModelPackagingOutputDetails modelPackagingOutputDetails;
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

        public Builder modelPackagingConfiguration(ModelPackagingConfiguration modelPackagingConfiguration) {
            this.modelPackagingConfiguration = modelPackagingConfiguration;
            return this;
        }

        public Builder modelPackagingConfiguration(Consumer<ModelPackagingConfiguration.Builder> configuration) {
            ModelPackagingConfiguration.Builder b = ModelPackagingConfiguration.builder();
            configuration.accept(b);
            return modelPackagingConfiguration(b.build());
        }

        public Builder modelPackagingJobDescription(String modelPackagingJobDescription) {
            this.modelPackagingJobDescription = modelPackagingJobDescription;
            return this;
        }

        public Builder modelPackagingMethod(String modelPackagingMethod) {
            this.modelPackagingMethod = modelPackagingMethod;
            return this;
        }

        public Builder modelPackagingOutputDetails(ModelPackagingOutputDetails modelPackagingOutputDetails) {
            this.modelPackagingOutputDetails = modelPackagingOutputDetails;
            return this;
        }

        public Builder modelPackagingOutputDetails(Consumer<ModelPackagingOutputDetails.Builder> details) {
            ModelPackagingOutputDetails.Builder b = ModelPackagingOutputDetails.builder();
            details.accept(b);
            return modelPackagingOutputDetails(b.build());
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

        public ModelPackagingDescription build() {
            return new ModelPackagingDescription(jobName, projectName, modelVersion,
                    modelPackagingConfiguration, modelPackagingJobDescription, modelPackagingMethod,
                    modelPackagingOutputDetails, status, statusMessage, creationTimestamp,
                    lastUpdatedTimestamp);
        }
    }
}
