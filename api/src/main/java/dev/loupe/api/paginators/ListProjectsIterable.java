package dev.loupe.api.paginators;

import dev.loupe.api.LookoutVision;
import dev.loupe.api.model.ListProjectsRequest;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.ProjectMetadata;
import java.util.Iterator;

/**
 * ListProjects, every page.
 *
 * <pre>{@code
 * lv.listProjectsPaginator(b -> b.maxResults(20)).projects().forEach(p -> System.out.println(p.projectName()));
 * }</pre>
 */
public final class ListProjectsIterable implements SdkIterable<ListProjectsResponse> {
    private final LookoutVision client;
    private final ListProjectsRequest first;

    public ListProjectsIterable(LookoutVision client, ListProjectsRequest first) {
        this.client = client;
        this.first = first;
    }

    @Override
    public Iterator<ListProjectsResponse> iterator() {
        return new Pages<>(t -> client.listProjects(first.toBuilder().nextToken(t).build()),
                ListProjectsResponse::nextToken, first.nextToken());
    }

    /** The projects of every page. */
    public SdkIterable<ProjectMetadata> projects() {
        return () -> Pages.items(iterator(), ListProjectsResponse::projects);
    }

    /** The same as {@link #projects()}. */
    public SdkIterable<ProjectMetadata> items() {
        return projects();
    }
}
