package dev.loupe.api.model;

import java.util.function.Consumer;

/**
 * StartModelPackagingJob: packages a trained model as an AWS IoT Greengrass V2 component. Which
 * of a target device and a target platform is set, and whether the compiler options fit it, is
 * the operation's to judge; the request checks each field.
 *
 * <pre>{@code
 * lv.startModelPackagingJob(b -> b.projectName("p").modelVersion("1").jobName("job-1")
 *         .configuration(c -> c.greengrass(g -> g.targetDevice(TargetDevice.JETSON_XAVIER)
 *                 .s3OutputLocation(s -> s.bucket("out").prefix("components/")).componentName("board-model"))));
 * }</pre>
 *
 * @param projectName   the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param modelVersion  the model's version (1..10, {@code ([1-9][0-9]*|latest)})
 * @param jobName       a name for the job (optional, 1..64, {@code [a-zA-Z0-9-]+}); one is made up
 *                      without it
 * @param configuration how to package the model, fields named
 *                      {@code configuration.greengrass.componentName} etc.
 * @param description   the job's description (optional, 1..256, {@code [a-zA-Z0-9-_. ()':,;?]+})
 * @param clientToken   an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @throws ValidationException when a constraint is broken
 */
public record StartModelPackagingJobRequest(String projectName, String modelVersion, String jobName,
        ModelPackagingConfiguration configuration, String description, String clientToken) {

    public StartModelPackagingJobRequest {
        Constraints c = Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .required("modelVersion", modelVersion)
                .string("modelVersion", modelVersion, 1, 10, Constraints.MODEL_VERSION)
                .string("jobName", jobName, 1, 64, Constraints.PACKAGING_JOB_NAME)
                .required("configuration", configuration)
                .string("description", description, 1, 256, Constraints.PACKAGING_DESCRIPTION)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN);
        if (configuration != null) {
            configuration.validate(c, "configuration");
        }
        c.orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).modelVersion(modelVersion).jobName(jobName)
                .configuration(configuration).description(description).clientToken(clientToken);
    }

    /** Builds a {@link StartModelPackagingJobRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String modelVersion;
        private String jobName;
        private ModelPackagingConfiguration configuration;
        private String description;
        private String clientToken;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder modelVersion(String modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        public Builder configuration(ModelPackagingConfiguration configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder configuration(Consumer<ModelPackagingConfiguration.Builder> configuration) {
            ModelPackagingConfiguration.Builder b = ModelPackagingConfiguration.builder();
            configuration.accept(b);
            return configuration(b.build());
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public StartModelPackagingJobRequest build() {
            return new StartModelPackagingJobRequest(projectName, modelVersion, jobName, configuration,
                    description, clientToken);
        }
    }
}
