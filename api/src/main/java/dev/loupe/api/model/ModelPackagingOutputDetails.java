package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * What a model packaging job created, as DescribeModelPackagingJob reports it.
 *
 * @param greengrass the AWS IoT Greengrass V2 component
 */
public record ModelPackagingOutputDetails(GreengrassOutputDetails greengrass) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().greengrass(greengrass);
    }

    /** Builds a {@link ModelPackagingOutputDetails}; not thread-safe. */
    public static final class Builder {
        private GreengrassOutputDetails greengrass;

        private Builder() {
        }

        public Builder greengrass(GreengrassOutputDetails greengrass) {
            this.greengrass = greengrass;
            return this;
        }

        public Builder greengrass(Consumer<GreengrassOutputDetails.Builder> greengrass) {
            GreengrassOutputDetails.Builder b = GreengrassOutputDetails.builder();
            greengrass.accept(b);
            return greengrass(b.build());
        }

        public ModelPackagingOutputDetails build() {
            return new ModelPackagingOutputDetails(greengrass);
        }
    }
}
