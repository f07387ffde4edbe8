package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * TagResource: adds tags to a model, or changes their values.
 *
 * <pre>{@code
 * lv.tagResource(b -> b.resourceArn(modelArn).tags(Tag.builder().key("line").value("3").build()));
 * }</pre>
 *
 * @param resourceArn the ARN of a project's model (1..1011)
 * @param tags        the tags (required, at most 200, each as {@link Tag} says); never {@code null}
 *                    once built
 * @throws ValidationException when a constraint is broken
 */
public record TagResourceRequest(String resourceArn, List<Tag> tags) {

    public TagResourceRequest {
        Constraints c = Constraints.check()
                .required("resourceArn", resourceArn)
                .string("resourceArn", resourceArn, 1, 1011, null)
                .required("tags", tags);
        Tag.validateList(c, "tags", tags);
        c.orThrow();
        tags = List.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().resourceArn(resourceArn).tags(tags);
    }

    /** Builds a {@link TagResourceRequest}; not thread-safe. */
    public static final class Builder {
        private String resourceArn;
        private List<Tag> tags;

        private Builder() {
        }

        public Builder resourceArn(String resourceArn) {
            this.resourceArn = resourceArn;
            return this;
        }

        public Builder tags(Collection<Tag> tags) {
            this.tags = tags == null ? null : List.copyOf(tags);
            return this;
        }

        public Builder tags(Tag... tags) {
            return tags(tags == null ? null : Arrays.asList(tags));
        }

        public TagResourceRequest build() {
            return new TagResourceRequest(resourceArn, tags);
        }
    }
}
