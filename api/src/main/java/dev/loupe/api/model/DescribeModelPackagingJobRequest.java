package dev.loupe.api.model;

/**
 * DescribeModelPackagingJob: one of a project's model packaging jobs.
 *
 * <pre>{@code
 * lv.describeModelPackagingJob(b -> b.projectName("p").jobName("job-1"));
 * }</pre>
 *
 * @param projectName the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param jobName     the job's name (1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record DescribeModelPackagingJobRequest(String projectName, String jobName) {

    public DescribeModelPackagingJobRequest {
        Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("jobName", jobName)
                .string("jobName", jobName, 1, 64, Constraints.PACKAGING_JOB_NAME)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).jobName(jobName);
    }

    /** Builds a {@link DescribeModelPackagingJobRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String jobName;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        public DescribeModelPackagingJobRequest build() {
            return new DescribeModelPackagingJobRequest(projectName, jobName);
        }
    }
}
