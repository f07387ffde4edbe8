package dev.loupe.api.model;

/**
 * The AWS IoT Greengrass V2 component that a model packaging job created, as
 * DescribeModelPackagingJob reports it.
 *
 * @param componentVersionArn the ARN of the component's version
 * @param componentName       the component's name
 * @param componentVersion    the component's version
 */
public record GreengrassOutputDetails(String componentVersionArn, String componentName,
        String componentVersion) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().componentVersionArn(componentVersionArn).componentName(componentName)
                .componentVersion(componentVersion);
    }

    /** Builds a {@link GreengrassOutputDetails}; not thread-safe. */
    public static final class Builder {
        private String componentVersionArn;
        private String componentName;
        private String componentVersion;

        private Builder() {
        }

        public Builder componentVersionArn(String componentVersionArn) {
            this.componentVersionArn = componentVersionArn;
            return this;
        }

        public Builder componentName(String componentName) {
            this.componentName = componentName;
            return this;
        }

        public Builder componentVersion(String componentVersion) {
            this.componentVersion = componentVersion;
            return this;
        }

        public GreengrassOutputDetails build() {
            return new GreengrassOutputDetails(componentVersionArn, componentName, componentVersion);
        }
    }
}
