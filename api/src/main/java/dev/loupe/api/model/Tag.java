package dev.loupe.api.model;

import java.util.Collection;

/**
 * A tag on a model (CreateModel, TagResource, UntagResource, ListTagsForResource) or on the
 * component a model packaging job creates. Judged where it is used: the enclosing request checks
 * it, a list's members named {@code tags.member.key} and {@code tags.member.value}.
 *
 * @param key   the key (1..128, {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$})
 * @param value the value (0..256, the same pattern)
 */
public record Tag(String key, String value) {

    /** Adds this tag's constraints to {@code c}, its fields named {@code prefix + ".key"} etc. */
    void validate(Constraints c, String prefix) {
        c.required(prefix + ".key", key)
                .string(prefix + ".key", key, 1, 128, Constraints.TAG)
                .required(prefix + ".value", value)
                .string(prefix + ".value", value, 0, 256, Constraints.TAG);
    }

    /**
     * Adds a tag list's constraints to {@code c}: at most 200 tags, each present and valid, named
     * {@code field + ".member"}; a null list passes (use {@link Constraints#required}).
     */
    static void validateList(Constraints c, String field, Collection<Tag> tags) {
        if (tags == null) {
            return;
        }
        c.size(field, tags, 0, 200);
        for (Tag tag : tags) {
            c.required(field + ".member", tag);
            if (tag != null) {
                tag.validate(c, field + ".member");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().key(key).value(value);
    }

    /** Builds a {@link Tag}; not thread-safe. */
    public static final class Builder {
        private String key;
        private String value;

        private Builder() {
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public Tag build() {
            return new Tag(key, value);
        }
    }
}
