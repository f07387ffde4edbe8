package dev.loupe.api.paginators;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.ListModelsRequest;
import dev.loupe.api.model.ListModelsResponse;
import dev.loupe.api.model.ModelMetadata;
import java.util.Iterator;

/** ListModels, every page: Every model version of a project, newest first. */
public final class ListModelsIterable implements SdkIterable<ListModelsResponse> {
    private final LookoutVision client;
    private final ListModelsRequest first;

    public ListModelsIterable(LookoutVision client, ListModelsRequest first) {
        this.client = client;
        this.first = first;
    }

    @Override
    public Iterator<ListModelsResponse> iterator() {
        return new Pages<>(t -> client.listModels(first.toBuilder().nextToken(t).build()),
                ListModelsResponse::nextToken, first.nextToken());
    }

    /** The items of every page. */
    public SdkIterable<ModelMetadata> models() {
        return () -> Pages.items(iterator(), ListModelsResponse::models);
    }

    /** The same as {@link #models()}. */
    public SdkIterable<ModelMetadata> items() {
        return models();
    }
}
