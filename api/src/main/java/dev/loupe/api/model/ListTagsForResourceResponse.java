package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ListTagsForResource's answer: the model's tags.
 *
 * @param tags the tags, never {@code null}
 */
public record ListTagsForResourceResponse(List<Tag> tags) {

    public ListTagsForResourceResponse {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().tags(tags);
    }

    /** Builds a {@link ListTagsForResourceResponse}; not thread-safe. */
    public static final class Builder {
        private List<Tag> tags;

        private Builder() {
        }

        public Builder tags(Collection<Tag> tags) {
            this.tags = tags == null ? null : List.copyOf(tags);
            return this;
        }

        public Builder tags(Tag... tags) {
            return tags(tags == null ? null : Arrays.asList(tags));
        }

        public ListTagsForResourceResponse build() {
            return new ListTagsForResourceResponse(tags);
        }
    }
}
