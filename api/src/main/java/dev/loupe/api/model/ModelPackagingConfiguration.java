package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * How StartModelPackagingJob packages a model. Judged where it is used: the enclosing request
 * checks it.
 *
 * @param greengrass as an AWS IoT Greengrass V2 component (required)
 */
public record ModelPackagingConfiguration(GreengrassConfiguration greengrass) {

    /** Adds the configuration's constraints to {@code c}, under {@code prefix + ".greengrass"}. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".greengrass", greengrass);
        if (greengrass != null) {
            greengrass.validate(c, prefix + ".greengrass");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().greengrass(greengrass);
    }

    /** Builds a {@link ModelPackagingConfiguration}; not thread-safe. */
    public static final class Builder {
        private GreengrassConfiguration greengrass;

        private Builder() {
        }

        public Builder greengrass(GreengrassConfiguration greengrass) {
            this.greengrass = greengrass;
            return this;
        }

        public Builder greengrass(Consumer<GreengrassConfiguration.Builder> greengrass) {
            GreengrassConfiguration.Builder b = GreengrassConfiguration.builder();
            greengrass.accept(b);
            return greengrass(b.build());
        }

        public ModelPackagingConfiguration build() {
            return new ModelPackagingConfiguration(greengrass);
        }
    }
}
