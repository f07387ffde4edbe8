package dev.loupe.api.model;

/**
 * ListTagsForResource: a model's tags.
 *
 * <pre>{@code
 * List<Tag> tags = lv.listTagsForResource(b -> b.resourceArn(modelArn)).tags();
 * }</pre>
 *
 * @param resourceArn the ARN of a project's model (1..1011)
 * @throws ValidationException when a constraint is broken
 */
public record ListTagsForResourceRequest(String resourceArn) {

    public ListTagsForResourceRequest {
        Constraints.check()
                .required("resourceArn", resourceArn)
                .string("resourceArn", resourceArn, 1, 1011, null)
                .orThrow();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().resourceArn(resourceArn);
    }

    /** Builds a {@link ListTagsForResourceRequest}; not thread-safe. */
    public static final class Builder {
        private String resourceArn;

        private Builder() {
        }

        public Builder resourceArn(String resourceArn) {
            this.resourceArn = resourceArn;
            return this;
        }

        public ListTagsForResourceRequest build() {
            return new ListTagsForResourceRequest(resourceArn);
        }
    }
}
