package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * DescribeModelPackagingJob's answer: the job.
 *
 * @param modelPackagingDescription the job
 */
public record DescribeModelPackagingJobResponse(ModelPackagingDescription modelPackagingDescription) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().modelPackagingDescription(modelPackagingDescription);
    }

    /** Builds a {@link DescribeModelPackagingJobResponse}; not thread-safe. */
    public static final class Builder {
        private ModelPackagingDescription modelPackagingDescription;

        private Builder() {
        }

        public Builder modelPackagingDescription(ModelPackagingDescription modelPackagingDescription) {
            this.modelPackagingDescription = modelPackagingDescription;
            return this;
        }

        public Builder modelPackagingDescription(Consumer<ModelPackagingDescription.Builder> description) {
            ModelPackagingDescription.Builder b = ModelPackagingDescription.builder();
            description.accept(b);
            return modelPackagingDescription(b.build());
        }

        public DescribeModelPackagingJobResponse build() {
            return new DescribeModelPackagingJobResponse(modelPackagingDescription);
        }
    }
}
