package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ListModelPackagingJobs' answer: a page of model packaging jobs.
 *
 * @param modelPackagingJobs the page's jobs, never {@code null}
 * @param nextToken          the token for the next page; {@code null} on the last
 */
public record ListModelPackagingJobsResponse(List<ModelPackagingJobMetadata> modelPackagingJobs,
        String nextToken) {

    public ListModelPackagingJobsResponse {
        modelPackagingJobs = modelPackagingJobs == null ? List.of() : List.copyOf(modelPackagingJobs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelPackagingJobs(modelPackagingJobs).nextToken(nextToken);
    }

    /** Builds a {@link ListModelPackagingJobsResponse}; not thread-safe. */
    public static final class Builder {
        private List<ModelPackagingJobMetadata> modelPackagingJobs;
        private String nextToken;

        private Builder() {
        }

        public Builder modelPackagingJobs(Collection<ModelPackagingJobMetadata> modelPackagingJobs) {
            this.modelPackagingJobs = modelPackagingJobs == null ? null : List.copyOf(modelPackagingJobs);
            return this;
        }

        public Builder modelPackagingJobs(ModelPackagingJobMetadata... modelPackagingJobs) {
            return modelPackagingJobs(modelPackagingJobs == null ? null : Arrays.asList(modelPackagingJobs));
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public ListModelPackagingJobsResponse build() {
            return new ListModelPackagingJobsResponse(modelPackagingJobs, nextToken);
        }
    }
}
