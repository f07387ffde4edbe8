package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * UntagResource: removes tags from a model by key.
 *
 * <pre>{@code
 * lv.untagResource(b -> b.resourceArn(modelArn).tagKeys("line"));
 * }</pre>
 *
 * @param resourceArn the ARN of a project's model (1..1011)
 * @param tagKeys     the keys (required, at most 200, each 1..128,
 *                    {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}); never {@code null} once built
 * @throws ValidationException when a constraint is broken
 */
public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {

    public UntagResourceRequest {
        Constraints c = Constraints.check()
                .required("resourceArn", resourceArn)
                .string("resourceArn", resourceArn, 1, 1011, null)
                .required("tagKeys", tagKeys)
                .size("tagKeys", tagKeys, 0, 200);
        if (tagKeys != null) {
            for (String key : tagKeys) {
                c.required("tagKeys.member", key)
                        .string("tagKeys.member", key, 1, 128, Constraints.TAG);
            }
        }
        c.orThrow();
        tagKeys = List.copyOf(tagKeys);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().resourceArn(resourceArn).tagKeys(tagKeys);
    }

    /** Builds a {@link UntagResourceRequest}; not thread-safe. */
    public static final class Builder {
        private String resourceArn;
        private List<String> tagKeys;

        private Builder() {
        }

        public Builder resourceArn(String resourceArn) {
            this.resourceArn = resourceArn;
            return this;
        }

        public Builder tagKeys(Collection<String> tagKeys) {
            this.tagKeys = tagKeys == null ? null : List.copyOf(tagKeys);
            return this;
        }

        public Builder tagKeys(String... tagKeys) {
            return tagKeys(tagKeys == null ? null : Arrays.asList(tagKeys));
        }

        public UntagResourceRequest build() {
            return new UntagResourceRequest(resourceArn, tagKeys);
        }
    }
}
