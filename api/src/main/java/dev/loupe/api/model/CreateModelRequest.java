package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * CreateModel: trains a new version of a project's model on its datasets.
 *
 * <pre>{@code
 * lv.createModel(b -> b.projectName("p")
 *         .outputConfig(o -> o.s3Location(s -> s.bucket("out").prefix("models/"))));
 * }</pre>
 *
 * @param projectName  the project's name (1..255, {@code [a-zA-Z0-9][a-zA-Z0-9_\-]*})
 * @param description  a description (optional, 1..500, {@code [0-9A-Za-z\.\-_]*})
 * @param clientToken  an idempotency token (optional, 1..64, {@code [a-zA-Z0-9-]+})
 * @param outputConfig where training output goes (its bucket 3..63, its prefix 0..1024)
 * @param kmsKeyId     the KMS key that encrypts training output (optional, 1..2048,
 *                     {@code ^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$})
 * @param tags         the model's tags (at most 200), never {@code null}
 * @throws ValidationException when a constraint is broken
 */
public record CreateModelRequest(String projectName, String description, String clientToken,
        OutputConfig outputConfig, String kmsKeyId, List<Tag> tags) {

    public CreateModelRequest {
        Constraints c = Constraints.check()
                .required("projectName", projectName)
                .string("projectName", projectName, 1, 255, Constraints.PROJECT_NAME)
                .string("description", description, 1, 500, Constraints.MODEL_DESCRIPTION)
                .string("clientToken", clientToken, 1, 64, Constraints.CLIENT_TOKEN)
                .required("outputConfig", outputConfig)
                .string("kmsKeyId", kmsKeyId, 1, 2048, Constraints.KMS_KEY_ID);
        if (outputConfig != null) {
            outputConfig.validate(c, "outputConfig");
        }
        Tag.validateList(c, "tags", tags);
        c.orThrow();
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().projectName(projectName).description(description).clientToken(clientToken)
                .outputConfig(outputConfig).kmsKeyId(kmsKeyId).tags(tags);
    }

    /** Builds a {@link CreateModelRequest}; not thread-safe. */
    public static final class Builder {
        private String projectName;
        private String description;
        private String clientToken;
        private OutputConfig outputConfig;
        private String kmsKeyId;
        private List<Tag> tags;

        private Builder() {
        }

        public Builder projectName(String projectName) {
            this.projectName = projectName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public Builder outputConfig(OutputConfig outputConfig) {
            this.outputConfig = outputConfig;
            return this;
        }

        public Builder outputConfig(Consumer<OutputConfig.Builder> outputConfig) {
            OutputConfig.Builder b = OutputConfig.builder();
            outputConfig.accept(b);
            return outputConfig(b.build());
        }

        public Builder kmsKeyId(String kmsKeyId) {
            this.kmsKeyId = kmsKeyId;
            return this;
        }

        public Builder tags(Collection<Tag> tags) {
            this.tags = tags == null ? null : List.copyOf(tags);
            return this;
        }

        public Builder tags(Tag... tags) {
            return tags(tags == null ? null : Arrays.asList(tags));
        }

        public CreateModelRequest build() {
            return new CreateModelRequest(projectName, description, clientToken, outputConfig, kmsKeyId,
                    tags);
        }
    }
}
