package dev.loupe.api.paginators;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.ListModelPackagingJobsRequest;
import dev.loupe.api.model.ListModelPackagingJobsResponse;
import dev.loupe.api.model.ModelPackagingJobMetadata;
import java.util.Iterator;

/** ListModelPackagingJobs, every page: Every packaging job of a project. */
public final class ListModelPackagingJobsIterable implements SdkIterable<ListModelPackagingJobsResponse> {
    private final LookoutVision client;
    private final ListModelPackagingJobsRequest first;

    public ListModelPackagingJobsIterable(LookoutVision client, ListModelPackagingJobsRequest first) {
        this.client = client;
        this.first = first;
    }

    @Override
    public Iterator<ListModelPackagingJobsResponse> iterator() {
        return new Pages<>(t -> client.listModelPackagingJobs(first.toBuilder().nextToken(t).build()),
                ListModelPackagingJobsResponse::nextToken, first.nextToken());
    }

    /** The items of every page. */
    public SdkIterable<ModelPackagingJobMetadata> modelPackagingJobs() {
        return () -> Pages.items(iterator(), ListModelPackagingJobsResponse::modelPackagingJobs);
    }

    /** The same as {@link #modelPackagingJobs()}. */
    public SdkIterable<ModelPackagingJobMetadata> items() {
        return modelPackagingJobs();
    }
}
