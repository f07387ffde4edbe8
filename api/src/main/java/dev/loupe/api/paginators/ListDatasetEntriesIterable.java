package dev.loupe.api.paginators;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import java.util.Iterator;

/**
 * ListDatasetEntries, every page, with the request's filters.
 *
 * <pre>{@code
 * long anomalies = lv.listDatasetEntriesPaginator(b -> b.projectName("p").datasetType("train")
 *         .anomalyClass("anomaly")).datasetEntries().stream().count();
 * }</pre>
 */
public final class ListDatasetEntriesIterable implements SdkIterable<ListDatasetEntriesResponse> {
    private final LookoutVision client;
    private final ListDatasetEntriesRequest first;

    public ListDatasetEntriesIterable(LookoutVision client, ListDatasetEntriesRequest first) {
        this.client = client;
        this.first = first;
    }

    @Override
    public Iterator<ListDatasetEntriesResponse> iterator() {
        return new Pages<>(t -> client.listDatasetEntries(first.toBuilder().nextToken(t).build()),
                ListDatasetEntriesResponse::nextToken, first.nextToken());
    }

    /** The entries (JSON lines) of every page. */
    public SdkIterable<String> datasetEntries() {
        return () -> Pages.items(iterator(), ListDatasetEntriesResponse::datasetEntries);
    }

    /** The same as {@link #datasetEntries()}. */
    public SdkIterable<String> items() {
        return datasetEntries();
    }
}
