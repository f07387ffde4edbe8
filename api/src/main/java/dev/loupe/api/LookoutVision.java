package dev.loupe.api;

import dev.loupe.api.model.CreateDatasetRequest;
import dev.loupe.api.model.CreateDatasetResponse;
import dev.loupe.api.model.CreateProjectRequest;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DeleteDatasetRequest;
import dev.loupe.api.model.DeleteDatasetResponse;
import dev.loupe.api.model.DeleteProjectRequest;
import dev.loupe.api.model.DeleteProjectResponse;
import dev.loupe.api.model.DescribeDatasetRequest;
import dev.loupe.api.model.DescribeDatasetResponse;
import dev.loupe.api.model.DescribeProjectRequest;
import dev.loupe.api.model.DescribeProjectResponse;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.ListProjectsRequest;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.UpdateDatasetEntriesRequest;
import dev.loupe.api.model.UpdateDatasetEntriesResponse;
import dev.loupe.api.paginators.ListDatasetEntriesIterable;
import dev.loupe.api.paginators.ListProjectsIterable;
import dev.loupe.api.waiters.LookoutVisionWaiter;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Amazon Lookout for Vision, in-process: one method per service operation, each taking a
 * request record or a {@code Consumer} of its builder, as the AWS SDK's
 * {@code LookoutVisionClient}.
 *
 * <pre>{@code
 * try (LookoutVision lv = LookoutVision.local(Path.of("workspace"))) {
 *     lv.createProject(b -> b.projectName("cookies"));
 *     lv.createDataset(b -> b.projectName("cookies").datasetType("train"), Path.of("train.manifest"));
 *     lv.waiter().waitUntilDatasetCreated(b -> b.projectName("cookies").datasetType("train"));
 *     int anomalies = lv.describeDataset(b -> b.projectName("cookies").datasetType("train"))
 *             .datasetDescription().imageStats().anomaly();
 * }
 * }</pre>
 *
 * <p>Every operation throws only {@link dev.loupe.api.model.LookoutVisionException} subclasses.
 * Implementations are thread-safe. {@link #close()} waits for asynchronous work in progress and
 * releases the workspace.
 */
public interface LookoutVision extends AutoCloseable {

    /** The facade on the workspace folder {@code workspace} (created when missing), defaults elsewhere. */
    static LookoutVision local(Path workspace) {
        return builder().workspace(workspace).build();
    }

    /** A builder for the local facade: workspace, bucket map, S3 root, region, account, clock, executor. */
    static LocalLookoutVision.Builder builder() {
        return LocalLookoutVision.builder();
    }

    // ---- projects ----

    CreateProjectResponse createProject(CreateProjectRequest request);

    default CreateProjectResponse createProject(Consumer<CreateProjectRequest.Builder> request) {
        return createProject(build(CreateProjectRequest.builder(), request).build());
    }

    DescribeProjectResponse describeProject(DescribeProjectRequest request);

    default DescribeProjectResponse describeProject(Consumer<DescribeProjectRequest.Builder> request) {
        return describeProject(build(DescribeProjectRequest.builder(), request).build());
    }

    ListProjectsResponse listProjects(ListProjectsRequest request);

    default ListProjectsResponse listProjects(Consumer<ListProjectsRequest.Builder> request) {
        return listProjects(build(ListProjectsRequest.builder(), request).build());
    }

    /** Every project, page by page, fetched lazily as the iteration needs them. */
    default ListProjectsIterable listProjectsPaginator(ListProjectsRequest request) {
        return new ListProjectsIterable(this, request);
    }

    default ListProjectsIterable listProjectsPaginator(Consumer<ListProjectsRequest.Builder> request) {
        return listProjectsPaginator(build(ListProjectsRequest.builder(), request).build());
    }

    DeleteProjectResponse deleteProject(DeleteProjectRequest request);

    default DeleteProjectResponse deleteProject(Consumer<DeleteProjectRequest.Builder> request) {
        return deleteProject(build(DeleteProjectRequest.builder(), request).build());
    }

    // ---- datasets ----

    /**
     * Creates a dataset: empty and at once without a source; from the Ground Truth manifest the
     * source names (its bucket resolved through the bucket map), asynchronously, with one.
     */
    CreateDatasetResponse createDataset(CreateDatasetRequest request);

    default CreateDatasetResponse createDataset(Consumer<CreateDatasetRequest.Builder> request) {
        return createDataset(build(CreateDatasetRequest.builder(), request).build());
    }

    /**
     * Creates a dataset from a local manifest file, asynchronously; its relative references
     * resolve against the manifest's folder. The request must not also name a source.
     */
    CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest);

    default CreateDatasetResponse createDataset(Consumer<CreateDatasetRequest.Builder> request, Path manifest) {
        return createDataset(build(CreateDatasetRequest.builder(), request).build(), manifest);
    }

    DescribeDatasetResponse describeDataset(DescribeDatasetRequest request);

    default DescribeDatasetResponse describeDataset(Consumer<DescribeDatasetRequest.Builder> request) {
        return describeDataset(build(DescribeDatasetRequest.builder(), request).build());
    }

    DeleteDatasetResponse deleteDataset(DeleteDatasetRequest request);

    default DeleteDatasetResponse deleteDataset(Consumer<DeleteDatasetRequest.Builder> request) {
        return deleteDataset(build(DeleteDatasetRequest.builder(), request).build());
    }

    /** Adds or replaces entries, keyed by {@code source-ref}, asynchronously. */
    UpdateDatasetEntriesResponse updateDatasetEntries(UpdateDatasetEntriesRequest request);

    default UpdateDatasetEntriesResponse updateDatasetEntries(Consumer<UpdateDatasetEntriesRequest.Builder> request) {
        return updateDatasetEntries(build(UpdateDatasetEntriesRequest.builder(), request).build());
    }

    ListDatasetEntriesResponse listDatasetEntries(ListDatasetEntriesRequest request);

    default ListDatasetEntriesResponse listDatasetEntries(Consumer<ListDatasetEntriesRequest.Builder> request) {
        return listDatasetEntries(build(ListDatasetEntriesRequest.builder(), request).build());
    }

    /** Every matching entry, page by page, fetched lazily as the iteration needs them. */
    default ListDatasetEntriesIterable listDatasetEntriesPaginator(ListDatasetEntriesRequest request) {
        return new ListDatasetEntriesIterable(this, request);
    }

    default ListDatasetEntriesIterable listDatasetEntriesPaginator(
            Consumer<ListDatasetEntriesRequest.Builder> request) {
        return listDatasetEntriesPaginator(build(ListDatasetEntriesRequest.builder(), request).build());
    }

    // ---- waiters ----

    /** Waiters that poll the Describe operations until a resource settles. */
    default LookoutVisionWaiter waiter() {
        return LookoutVisionWaiter.builder().client(this).build();
    }

    /** Waits for asynchronous work in progress, then releases the workspace. */
    @Override
    void close();

    private static <B> B build(B builder, Consumer<B> request) {
        request.accept(builder);
        return builder;
    }
}
