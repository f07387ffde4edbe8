package dev.loupe.api.model;

/**
 * StartModelPackagingJob's answer: the job's name.
 *
 * @param jobName the job's name, as given or made up
 */
public record StartModelPackagingJobResponse(String jobName) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().jobName(jobName);
    }

    /** Builds a {@link StartModelPackagingJobResponse}; not thread-safe. */
    public static final class Builder {
        private String jobName;

        private Builder() {
        }

        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        public StartModelPackagingJobResponse build() {
            return new StartModelPackagingJobResponse(jobName);
        }
    }
}
