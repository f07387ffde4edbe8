package dev.loupe.api.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * ListDatasetEntries' answer: a page of entries, each a JSON Lines manifest entry.
 *
 * @param datasetEntries the page's entries, never {@code null}
 * @param nextToken      the token for the next page; {@code null} on the last
 */
public record ListDatasetEntriesResponse(List<String> datasetEntries, String nextToken) {

    public ListDatasetEntriesResponse {
        datasetEntries = datasetEntries == null ? List.of() : List.copyOf(datasetEntries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().datasetEntries(datasetEntries).nextToken(nextToken);
    }

    /** Builds a {@link ListDatasetEntriesResponse}; not thread-safe. */
    public static final class Builder {
        private List<String> datasetEntries;
        private String nextToken;

        private Builder() {
        }

        public Builder datasetEntries(Collection<String> datasetEntries) {
            this.datasetEntries = datasetEntries == null ? null : List.copyOf(datasetEntries);
            return this;
        }

        public Builder datasetEntries(String... datasetEntries) {
            return datasetEntries(datasetEntries == null ? null : Arrays.asList(datasetEntries));
        }

        public Builder nextToken(String nextToken) {
            this.nextToken = nextToken;
            return this;
        }

        public ListDatasetEntriesResponse build() {
            return new ListDatasetEntriesResponse(datasetEntries, nextToken);
        }
    }
}
