package dev.loupe.api;

import dev.loupe.api.dataset.EntryImporter;
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
import dev.loupe.api.workspace.Workspace;
import dev.loupe.engine.model.ModelConfig;
import dev.loupe.segmentation.model.SegmentationConfig;
import dev.loupe.manifest.ImageLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The facade on a local workspace folder.
 *
 * <pre>{@code
 * LookoutVision lv = LookoutVision.builder()
 *         .workspace(Path.of("/var/lib/loupe"))
 *         .bucket("my-bucket", Path.of("/data/my-bucket"))   // s3://my-bucket/... resolves here
 *         .region("eu-west-1").accountId("123456789012")     // used in ARNs
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe: reads run concurrently, changes one at a time; imports and updates run on the
 * executor (one the facade owns, or the caller's). The workspace is locked against other
 * processes until {@link #close()}.
 */
public final class LocalLookoutVision implements LookoutVision {
    private final Workspace workspace;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final State state;
    private final Projects projects;
    private final Datasets datasets;
    private final ModelTraining training;
    private final Models models;
    private final Hosting hosting;
    private final Packaging packaging;
    private final Tags tags;

    private LocalLookoutVision(Builder b) throws IOException {
        this.workspace = Workspace.open(b.workspace, b.clock);
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? Executors.newFixedThreadPool(2, workerThreads()) : b.executor;
        ImageLocator.Builder locatorBuilder = ImageLocator.builder().s3Root(b.s3Root);
        b.buckets.forEach(locatorBuilder::bucket);
        ImageLocator locator = locatorBuilder.build();
        try {
            this.state = new State(workspace, b.clock, b.region, b.accountId, new EntryImporter(locator), executor);
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
        this.projects = new Projects(state);
        this.datasets = new Datasets(state);
        this.training = new ModelTraining(state, locator, b.modelConfig, b.segmentationConfig, b.trainingListener);
        this.models = new Models(state, training);
        this.hosting = new Hosting(state);
        this.packaging = new Packaging(state, locator);
        this.tags = new Tags(state);
        hosting.recover(b.restartHostedModels);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The workspace folder. */
    public Path workspace() {
        return workspace.root();
    }

    /** What opening the workspace repaired after an earlier crash, one line each. */
    public List<String> repairs() {
        return workspace.repairs();
    }

    @Override
    public CreateProjectResponse createProject(CreateProjectRequest request) {
        return projects.createProject(request);
    }

    @Override
    public DescribeProjectResponse describeProject(DescribeProjectRequest request) {
        return projects.describeProject(request);
    }

    @Override
    public ListProjectsResponse listProjects(ListProjectsRequest request) {
        return projects.listProjects(request);
    }

    @Override
    public DeleteProjectResponse deleteProject(DeleteProjectRequest request) {
        return projects.deleteProject(request);
    }

    @Override
    public CreateDatasetResponse createDataset(CreateDatasetRequest request) {
        return datasets.createDataset(request);
    }

    @Override
    public CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest, Path base) {
        return datasets.createDataset(request, manifest, base);
    }

    @Override
    public DescribeDatasetResponse describeDataset(DescribeDatasetRequest request) {
        return datasets.describeDataset(request);
    }

    @Override
    public DeleteDatasetResponse deleteDataset(DeleteDatasetRequest request) {
        return datasets.deleteDataset(request);
    }

    @Override
    public UpdateDatasetEntriesResponse updateDatasetEntries(UpdateDatasetEntriesRequest request) {
        return datasets.updateDatasetEntries(request);
    }

    @Override
    public ListDatasetEntriesResponse listDatasetEntries(ListDatasetEntriesRequest request) {
        return datasets.listDatasetEntries(request);
    }

    @Override
    public CreateModelResponse createModel(CreateModelRequest request) {
        return models.createModel(request);
    }

    @Override
    public DescribeModelResponse describeModel(DescribeModelRequest request) {
        return models.describeModel(request);
    }

    /**
     * A local extra the service did not have: the archive of a successfully trained model version
     * ({@code latest} names the highest), the file a packaging job puts into its component. Open
     * it with {@link dev.loupe.segmentation.edge.ModelHost} to run the model outside the facade,
     * e.g. for heat maps, which DetectAnomalies does not return for classification models.
     *
     * @throws dev.loupe.api.model.ResourceNotFoundException when the project or version does not exist
     * @throws dev.loupe.api.model.ConflictException when the model has not trained successfully
     */
    public byte[] modelArchive(DescribeModelRequest request) {
        return models.modelArchive(request);
    }

    /** As {@link #modelArchive(DescribeModelRequest)}, with a builder. */
    public byte[] modelArchive(Consumer<DescribeModelRequest.Builder> request) {
        DescribeModelRequest.Builder b = DescribeModelRequest.builder();
        request.accept(b);
        return modelArchive(b.build());
    }

    /**
     * A local extra: the file that a dataset entry of the project refers to ({@code source-ref} as
     * in its manifest line, or in an evaluation manifest), resolved as training resolves it; empty
     * when no entry of the project has that reference or it does not resolve.
     *
     * @throws dev.loupe.api.model.ResourceNotFoundException when the project does not exist
     */
    public Optional<Path> imageFile(String projectName, String sourceRef) {
        return training.imageFile(projectName, sourceRef);
    }

    @Override
    public ListModelsResponse listModels(ListModelsRequest request) {
        return models.listModels(request);
    }

    @Override
    public DeleteModelResponse deleteModel(DeleteModelRequest request) {
        return models.deleteModel(request);
    }

    @Override
    public StartModelResponse startModel(StartModelRequest request) {
        return hosting.startModel(request);
    }

    @Override
    public StopModelResponse stopModel(StopModelRequest request) {
        return hosting.stopModel(request);
    }

    @Override
    public StartModelPackagingJobResponse startModelPackagingJob(StartModelPackagingJobRequest request) {
        return packaging.startModelPackagingJob(request);
    }

    @Override
    public DescribeModelPackagingJobResponse describeModelPackagingJob(DescribeModelPackagingJobRequest request) {
        return packaging.describeModelPackagingJob(request);
    }

    @Override
    public ListModelPackagingJobsResponse listModelPackagingJobs(ListModelPackagingJobsRequest request) {
        return packaging.listModelPackagingJobs(request);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return tags.tagResource(request);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return tags.untagResource(request);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return tags.listTagsForResource(request);
    }

    @Override
    public DetectAnomaliesResponse detectAnomalies(DetectAnomaliesRequest request, RequestBody body) {
        return hosting.detectAnomalies(request, body);
    }

    /**
     * Waits for asynchronous work in flight (imports, updates, training), stops hosted models and
     * the facade's own threads, and releases the workspace. Hosted models read TRAINED (or are
     * started again, see {@link Builder#restartHostedModels}) when the workspace is next opened.
     */
    @Override
    public void close() {
        if (state.close()) {
            hosting.stopAll();
            shutdown();
        }
    }

    private void shutdown() {
        if (ownsExecutor) {
            executor.shutdown();
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            workspace.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release workspace " + workspace.root(), e);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "loupe-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds a {@link LocalLookoutVision}; not thread-safe. */
    public static final class Builder {
        private Path workspace;
        private final Map<String, Path> buckets = new TreeMap<>();
        private Path s3Root;
        private String region = "local";
        private String accountId = "000000000000";
        private Clock clock = Clock.systemUTC();
        private ExecutorService executor;
        private ModelConfig modelConfig = ModelConfig.defaults();
        private SegmentationConfig segmentationConfig = SegmentationConfig.defaults();
        private TrainingListener trainingListener = (project, version, progress) -> { };
        private boolean restartHostedModels;

        private Builder() {
        }

        /** The workspace folder; created when missing. Required. */
        public Builder workspace(Path workspace) {
            this.workspace = workspace;
            return this;
        }

        /** {@code s3://name/key} resolves to {@code folder/key}. */
        public Builder bucket(String name, Path folder) {
            buckets.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** {@code s3://bucket/key} resolves to {@code root/bucket/key} for buckets not mapped one by one. */
        public Builder s3Root(Path root) {
            this.s3Root = root;
            return this;
        }

        /** The region in ARNs; default {@code local}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account in ARNs; default {@code 000000000000}. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** The clock that stamps timestamps; default the system's UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Runs imports and updates; default a pool of two daemon threads the facade owns and shuts
         * down on close. A caller's executor is not shut down.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /**
         * How CreateModel trains classification models: seed, network, epochs, augmentation;
         * default {@link ModelConfig#defaults()}.
         */
        public Builder modelConfig(ModelConfig modelConfig) {
            this.modelConfig = Objects.requireNonNull(modelConfig, "modelConfig");
            return this;
        }

        /** How CreateModel trains segmentation models; default {@link SegmentationConfig#defaults()}. */
        public Builder segmentationConfig(SegmentationConfig segmentationConfig) {
            this.segmentationConfig = Objects.requireNonNull(segmentationConfig, "segmentationConfig");
            return this;
        }

        /** Hears the progress of every training run. */
        public Builder trainingListener(TrainingListener trainingListener) {
            this.trainingListener = Objects.requireNonNull(trainingListener, "trainingListener");
            return this;
        }

        /**
         * Whether models that were hosted when the workspace was last closed (or the process
         * stopped) are started again on open, with the inference units they had. Default false:
         * they read TRAINED, as after StopModel.
         */
        public Builder restartHostedModels(boolean restart) {
            this.restartHostedModels = restart;
            return this;
        }

        /**
         * Opens the workspace.
         *
         * @throws IllegalStateException when another process has it open, or it is of a newer format
         * @throws UncheckedIOException  when it cannot be read or created
         */
        public LocalLookoutVision build() {
            Objects.requireNonNull(workspace, "workspace");
            try {
                return new LocalLookoutVision(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open workspace " + workspace + ": " + e.getMessage(), e);
            }
        }
    }
}
