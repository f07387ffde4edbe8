package dev.loupe.api;

import dev.loupe.api.model.CreateDatasetRequest;
import dev.loupe.api.model.CreateDatasetResponse;
import dev.loupe.api.model.CreateModelRequest;
import dev.loupe.api.model.CreateModelResponse;
import dev.loupe.api.model.CreateProjectRequest;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DeleteDatasetRequest;
import dev.loupe.api.model.DeleteDatasetResponse;
import dev.loupe.api.model.DeleteModelRequest;
import dev.loupe.api.model.DeleteModelResponse;
import dev.loupe.api.model.DeleteProjectRequest;
import dev.loupe.api.model.DeleteProjectResponse;
import dev.loupe.api.model.DescribeDatasetRequest;
import dev.loupe.api.model.DescribeDatasetResponse;
import dev.loupe.api.model.DescribeModelPackagingJobRequest;
import dev.loupe.api.model.DescribeModelPackagingJobResponse;
import dev.loupe.api.model.DescribeModelRequest;
import dev.loupe.api.model.DescribeModelResponse;
import dev.loupe.api.model.DescribeProjectRequest;
import dev.loupe.api.model.DescribeProjectResponse;
import dev.loupe.api.model.DetectAnomaliesRequest;
import dev.loupe.api.model.DetectAnomaliesResponse;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.ListModelPackagingJobsRequest;
import dev.loupe.api.model.ListModelPackagingJobsResponse;
import dev.loupe.api.model.ListModelsRequest;
import dev.loupe.api.model.ListModelsResponse;
import dev.loupe.api.model.ListProjectsRequest;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.ListTagsForResourceRequest;
import dev.loupe.api.model.ListTagsForResourceResponse;
import dev.loupe.api.model.RequestBody;
import dev.loupe.api.model.StartModelPackagingJobRequest;
import dev.loupe.api.model.StartModelPackagingJobResponse;
import dev.loupe.api.model.StartModelRequest;
import dev.loupe.api.model.StartModelResponse;
import dev.loupe.api.model.StopModelRequest;
import dev.loupe.api.model.StopModelResponse;
import dev.loupe.api.model.TagResourceRequest;
import dev.loupe.api.model.TagResourceResponse;
import dev.loupe.api.model.UntagResourceRequest;
import dev.loupe.api.model.UntagResourceResponse;
import dev.loupe.api.model.UpdateDatasetEntriesRequest;
import dev.loupe.api.model.UpdateDatasetEntriesResponse;
import dev.loupe.api.paginators.ListDatasetEntriesIterable;
import dev.loupe.api.paginators.ListModelPackagingJobsIterable;
import dev.loupe.api.paginators.ListModelsIterable;
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
    default CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest) {
        return createDataset(request, manifest, null);
    }

    default CreateDatasetResponse createDataset(Consumer<CreateDatasetRequest.Builder> request, Path manifest) {
        return createDataset(build(CreateDatasetRequest.builder(), request).build(), manifest);
    }

    /**
     * As {@link #createDataset(CreateDatasetRequest, Path)}, with relative references resolving
     * against {@code base} (the manifest's folder when null): manifests often sit in a folder of
     * their own beside the images they name.
     */
    CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest, Path base);

    default CreateDatasetResponse createDataset(Consumer<CreateDatasetRequest.Builder> request, Path manifest,
                                                Path base) {
        return createDataset(build(CreateDatasetRequest.builder(), request).build(), manifest, base);
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

    // ---- models, hosting, packaging, tags ----

    /** Trains a new model version asynchronously: TRAINING, then TRAINED or TRAINING_FAILED. */
    CreateModelResponse createModel(CreateModelRequest request);

    default CreateModelResponse createModel(Consumer<CreateModelRequest.Builder> request) {
        return createModel(build(CreateModelRequest.builder(), request).build());
    }

    DescribeModelResponse describeModel(DescribeModelRequest request);

    default DescribeModelResponse describeModel(Consumer<DescribeModelRequest.Builder> request) {
        return describeModel(build(DescribeModelRequest.builder(), request).build());
    }

    ListModelsResponse listModels(ListModelsRequest request);

    default ListModelsResponse listModels(Consumer<ListModelsRequest.Builder> request) {
        return listModels(build(ListModelsRequest.builder(), request).build());
    }

    /** Every model version, newest first, page by page, fetched lazily. */
    default ListModelsIterable listModelsPaginator(ListModelsRequest request) {
        return new ListModelsIterable(this, request);
    }

    default ListModelsIterable listModelsPaginator(Consumer<ListModelsRequest.Builder> request) {
        return listModelsPaginator(build(ListModelsRequest.builder(), request).build());
    }

    DeleteModelResponse deleteModel(DeleteModelRequest request);

    default DeleteModelResponse deleteModel(Consumer<DeleteModelRequest.Builder> request) {
        return deleteModel(build(DeleteModelRequest.builder(), request).build());
    }

    /** Hosts a trained model: STARTING_HOSTING, then HOSTED. */
    StartModelResponse startModel(StartModelRequest request);

    default StartModelResponse startModel(Consumer<StartModelRequest.Builder> request) {
        return startModel(build(StartModelRequest.builder(), request).build());
    }

    /** Stops a hosted model: STOPPING_HOSTING, then TRAINED. */
    StopModelResponse stopModel(StopModelRequest request);

    default StopModelResponse stopModel(Consumer<StopModelRequest.Builder> request) {
        return stopModel(build(StopModelRequest.builder(), request).build());
    }

    /** Packages a trained model as an AWS IoT Greengrass v2 component, asynchronously. */
    StartModelPackagingJobResponse startModelPackagingJob(StartModelPackagingJobRequest request);

    default StartModelPackagingJobResponse startModelPackagingJob(Consumer<StartModelPackagingJobRequest.Builder> request) {
        return startModelPackagingJob(build(StartModelPackagingJobRequest.builder(), request).build());
    }

    DescribeModelPackagingJobResponse describeModelPackagingJob(DescribeModelPackagingJobRequest request);

    default DescribeModelPackagingJobResponse describeModelPackagingJob(Consumer<DescribeModelPackagingJobRequest.Builder> request) {
        return describeModelPackagingJob(build(DescribeModelPackagingJobRequest.builder(), request).build());
    }

    ListModelPackagingJobsResponse listModelPackagingJobs(ListModelPackagingJobsRequest request);

    default ListModelPackagingJobsResponse listModelPackagingJobs(Consumer<ListModelPackagingJobsRequest.Builder> request) {
        return listModelPackagingJobs(build(ListModelPackagingJobsRequest.builder(), request).build());
    }

    /** Every packaging job of a project, page by page, fetched lazily. */
    default ListModelPackagingJobsIterable listModelPackagingJobsPaginator(ListModelPackagingJobsRequest request) {
        return new ListModelPackagingJobsIterable(this, request);
    }

    default ListModelPackagingJobsIterable listModelPackagingJobsPaginator(
            Consumer<ListModelPackagingJobsRequest.Builder> request) {
        return listModelPackagingJobsPaginator(build(ListModelPackagingJobsRequest.builder(), request).build());
    }

    /** Adds tags to a model, replacing the values of keys it already has. */
    TagResourceResponse tagResource(TagResourceRequest request);

    default TagResourceResponse tagResource(Consumer<TagResourceRequest.Builder> request) {
        return tagResource(build(TagResourceRequest.builder(), request).build());
    }

    UntagResourceResponse untagResource(UntagResourceRequest request);

    default UntagResourceResponse untagResource(Consumer<UntagResourceRequest.Builder> request) {
        return untagResource(build(UntagResourceRequest.builder(), request).build());
    }

    ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request);

    default ListTagsForResourceResponse listTagsForResource(Consumer<ListTagsForResourceRequest.Builder> request) {
        return listTagsForResource(build(ListTagsForResourceRequest.builder(), request).build());
    }

    /**
     * Analyses one PNG or JPEG image with a hosted model, as the AWS SDK's
     * {@code detectAnomalies(request, RequestBody)}.
     */
    DetectAnomaliesResponse detectAnomalies(DetectAnomaliesRequest request, RequestBody body);

    default DetectAnomaliesResponse detectAnomalies(Consumer<DetectAnomaliesRequest.Builder> request, RequestBody body) {
        return detectAnomalies(build(DetectAnomaliesRequest.builder(), request).build(), body);
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
