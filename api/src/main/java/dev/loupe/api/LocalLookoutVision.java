package dev.loupe.api;

import dev.loupe.api.dataset.EntryFilter;
import dev.loupe.api.dataset.EntryImporter;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.CreateDatasetRequest;
import dev.loupe.api.model.CreateDatasetResponse;
import dev.loupe.api.model.CreateProjectRequest;
import dev.loupe.api.model.CreateProjectResponse;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetImageStats;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.DeleteDatasetRequest;
import dev.loupe.api.model.DeleteDatasetResponse;
import dev.loupe.api.model.DeleteProjectRequest;
import dev.loupe.api.model.DeleteProjectResponse;
import dev.loupe.api.model.DescribeDatasetRequest;
import dev.loupe.api.model.DescribeDatasetResponse;
import dev.loupe.api.model.DescribeProjectRequest;
import dev.loupe.api.model.DescribeProjectResponse;
import dev.loupe.api.model.InputS3Object;
import dev.loupe.api.model.InternalServerException;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.ListProjectsRequest;
import dev.loupe.api.model.ListProjectsResponse;
import dev.loupe.api.model.LookoutVisionException;
import dev.loupe.api.model.ProjectDescription;
import dev.loupe.api.model.ProjectMetadata;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.UpdateDatasetEntriesRequest;
import dev.loupe.api.model.UpdateDatasetEntriesResponse;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.DatasetFile;
import dev.loupe.api.workspace.ProjectFile;
import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.api.workspace.Workspace;
import dev.loupe.manifest.ImageLocator;
import dev.loupe.manifest.Label;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

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
    private static final String DATASET_CREATED = "The dataset was created successfully.";
    private static final String DATASET_CREATING = "The dataset is being created.";
    private static final String DATASET_UPDATING = "The dataset is being updated.";
    private static final String DATASET_UPDATED = "The dataset was updated successfully.";

    private final Workspace workspace;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final EntryImporter importer;
    private final ClientTokens tokens;
    private final PageTokens pages;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Projects by name, in name order, the in-memory mirror of the workspace. Guarded by {@link #lock}. */
    private final Map<String, Project> projects = new TreeMap<>();
    /** Counts asynchronous work in flight, so {@link #close()} can wait for it. */
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean closed;

    /** A project and its datasets, by type. */
    private record Project(ProjectFile file, Map<String, Dataset> datasets) {
    }

    /** A dataset: its descriptor and its current entries (an immutable list, replaced whole). */
    private record Dataset(DatasetFile file, List<StoredEntry> entries) {
        DatasetImageStats stats() {
            int normal = 0;
            int anomaly = 0;
            for (StoredEntry e : entries) {
                if (e.entry().label() == Label.NORMAL) {
                    normal++;
                } else if (e.entry().label() == Label.ANOMALY) {
                    anomaly++;
                }
            }
            return DatasetImageStats.builder().total(entries.size()).labeled(normal + anomaly)
                    .normal(normal).anomaly(anomaly).build();
        }
    }

    private LocalLookoutVision(Builder b) throws IOException {
        this.clock = b.clock;
        this.region = b.region;
        this.accountId = b.accountId;
        this.workspace = Workspace.open(b.workspace, clock);
        try {
            ImageLocator.Builder locator = ImageLocator.builder().s3Root(b.s3Root);
            b.buckets.forEach(locator::bucket);
            this.importer = new EntryImporter(locator.build());
            this.tokens = new ClientTokens(workspace, clock);
            this.pages = new PageTokens(workspace.secret());
            for (ProjectFile p : workspace.readProjects()) {
                Map<String, Dataset> datasets = new TreeMap<>();
                for (DatasetFile d : workspace.readDatasets(p.projectName())) {
                    datasets.put(d.datasetType(), new Dataset(d, workspace.readEntries(p.projectName(), d)));
                }
                projects.put(p.projectName(), new Project(p, datasets));
            }
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? Executors.newFixedThreadPool(2, workerThreads()) : b.executor;
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

    // ---- projects ----

    @Override
    public CreateProjectResponse createProject(CreateProjectRequest request) {
        String name = request.projectName();
        return write(() -> tokens.once("CreateProject", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), CreateProjectResponse.class,
                name, ResourceType.PROJECT, () -> {
                    if (projects.containsKey(name)) {
                        throw new ConflictException("A project named " + name + " already exists.", name,
                                ResourceType.PROJECT);
                    }
                    ProjectFile file = new ProjectFile(name, projectArn(name), clock.instant(), 1);
                    io(() -> workspace.createProject(file));
                    projects.put(name, new Project(file, new TreeMap<>()));
                    return CreateProjectResponse.builder().projectMetadata(metadata(file)).build();
                }));
    }

    @Override
    public DescribeProjectResponse describeProject(DescribeProjectRequest request) {
        return read(() -> {
            Project p = project(request.projectName());
            List<DatasetMetadata> datasets = new ArrayList<>();
            p.datasets().values().forEach(d -> datasets.add(metadata(d.file())));
            return DescribeProjectResponse.builder().projectDescription(ProjectDescription.builder()
                    .projectArn(p.file().projectArn()).projectName(p.file().projectName())
                    .creationTimestamp(p.file().creationTimestamp()).datasets(datasets).build()).build();
        });
    }

    @Override
    public ListProjectsResponse listProjects(ListProjectsRequest request) {
        return read(() -> {
            String after = request.nextToken() == null || request.nextToken().isEmpty() ? null
                    : pages.decode(request.nextToken(), "ListProjects", "projects", "");
            int max = request.maxResults() == null ? 100 : request.maxResults();
            List<ProjectMetadata> page = new ArrayList<>();
            String next = null;
            for (Project p : projects.values()) {
                String name = p.file().projectName();
                if (after != null && name.compareTo(after) <= 0) {
                    continue;
                }
                if (page.size() == max) {
                    next = pages.encode("ListProjects", "projects", "", page.get(max - 1).projectName());
                    break;
                }
                page.add(metadata(p.file()));
            }
            return ListProjectsResponse.builder().projects(page).nextToken(next).build();
        });
    }

    @Override
    public DeleteProjectResponse deleteProject(DeleteProjectRequest request) {
        String name = request.projectName();
        return write(() -> tokens.once("DeleteProject", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), DeleteProjectResponse.class,
                name, ResourceType.PROJECT, () -> {
                    Project p = project(name);
                    if (!p.datasets().isEmpty()) {
                        throw new ConflictException("Project " + name + " still has datasets ("
                                + String.join(", ", p.datasets().keySet())
                                + "); delete them before the project.", name, ResourceType.PROJECT);
                    }
                    io(() -> workspace.deleteProject(name));
                    projects.remove(name);
                    return DeleteProjectResponse.builder().projectArn(p.file().projectArn()).build();
                }));
    }

    // ---- datasets ----

    @Override
    public CreateDatasetResponse createDataset(CreateDatasetRequest request) {
        return createDataset(request, null, request.toBuilder().clientToken(null).build().toString());
    }

    @Override
    public CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest) {
        Objects.requireNonNull(manifest, "manifest");
        if (request.datasetSource() != null) {
            throw new ValidationException("1 validation error detected: a dataset is created either from "
                    + "datasetSource or from a local manifest file, not both");
        }
        return createDataset(request, manifest.toAbsolutePath().normalize(),
                request.toBuilder().clientToken(null).build() + " manifest=" + manifest.toAbsolutePath().normalize());
    }

    private CreateDatasetResponse createDataset(CreateDatasetRequest request, Path localManifest, String parameters) {
        String name = request.projectName();
        String type = request.datasetType();
        InputS3Object s3 = request.datasetSource() == null || request.datasetSource().groundTruthManifest() == null
                ? null : request.datasetSource().groundTruthManifest().s3Object();
        if (request.datasetSource() != null && s3 == null) {
            throw new ValidationException("1 validation error detected: Value null at "
                    + "'datasetSource.groundTruthManifest.s3Object' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return write(() -> tokens.once("CreateDataset", request.clientToken(), parameters,
                CreateDatasetResponse.class, type, ResourceType.DATASET, () -> {
                    Project p = project(name);
                    if (p.datasets().containsKey(type)) {
                        throw new ConflictException("Project " + name + " already has a " + type
                                + " dataset; delete it before creating another.", type, ResourceType.DATASET);
                    }
                    Instant now = clock.instant();
                    boolean async = s3 != null || localManifest != null;
                    DatasetFile file = new DatasetFile(type, now, now,
                            async ? DatasetStatus.CREATE_IN_PROGRESS : DatasetStatus.CREATE_COMPLETE,
                            async ? DATASET_CREATING : DATASET_CREATED, UUID.randomUUID().toString(), 0, null);
                    io(() -> workspace.writeDataset(name, file));
                    p.datasets().put(type, new Dataset(file, List.of()));
                    if (async) {
                        submit(() -> importDataset(name, file, s3, localManifest));
                    }
                    return CreateDatasetResponse.builder().datasetMetadata(metadata(file)).build();
                }));
    }

    /** The asynchronous half of CreateDataset: read and check, then commit or fail. */
    private void importDataset(String project, DatasetFile file, InputS3Object s3, Path localManifest) {
        Path manifest = null;
        try {
            String display = localManifest != null ? localManifest.toString() : "s3://" + s3.bucket() + "/" + s3.key();
            manifest = localManifest != null ? localManifest : importer.resolveS3(s3.bucket(), s3.key());
            List<StoredEntry> entries = importer.read(manifest, display, clock.instant());
            Path base = manifest.toAbsolutePath().getParent();
            write(() -> {
                io(() -> workspace.writeEntries(project, file.datasetType(), 1, entries));
                DatasetFile done = new DatasetFile(file.datasetType(), file.creationTimestamp(), clock.instant(),
                        DatasetStatus.CREATE_COMPLETE, DATASET_CREATED, file.incarnation(), 1, base.toString());
                io(() -> workspace.writeDataset(project, done));
                projects.get(project).datasets().put(file.datasetType(), new Dataset(done, entries));
                return null;
            });
        } catch (IllegalArgumentException e) { // ImportException, or a manifest reference that cannot resolve
            failImport(project, file, e.getMessage());
        } catch (IOException | RuntimeException e) {
            failImport(project, file, "The dataset could not be imported: " + e);
        }
    }

    private void failImport(String project, DatasetFile file, String message) {
        write(() -> {
            DatasetFile failed = file.withStatus(DatasetStatus.CREATE_FAILED, message, clock.instant());
            io(() -> workspace.writeDataset(project, failed));
            projects.get(project).datasets().put(file.datasetType(), new Dataset(failed, List.of()));
            return null;
        });
    }

    @Override
    public DescribeDatasetResponse describeDataset(DescribeDatasetRequest request) {
        return read(() -> {
            Dataset d = dataset(request.projectName(), request.datasetType());
            DatasetFile f = d.file();
            return DescribeDatasetResponse.builder().datasetDescription(DatasetDescription.builder()
                    .projectName(request.projectName()).datasetType(f.datasetType())
                    .creationTimestamp(f.creationTimestamp()).lastUpdatedTimestamp(f.lastUpdatedTimestamp())
                    .status(f.status()).statusMessage(f.statusMessage()).imageStats(d.stats()).build()).build();
        });
    }

    @Override
    public DeleteDatasetResponse deleteDataset(DeleteDatasetRequest request) {
        String name = request.projectName();
        String type = request.datasetType();
        return write(() -> tokens.once("DeleteDataset", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), DeleteDatasetResponse.class,
                type, ResourceType.DATASET, () -> {
                    Dataset d = dataset(name, type);
                    if (d.file().status().inProgress()) {
                        throw new ConflictException("The " + type + " dataset of project " + name + " is "
                                + d.file().status() + "; wait until it settles before deleting it.", type,
                                ResourceType.DATASET);
                    }
                    // One rename takes the dataset out of sight, so it is gone as soon as this returns.
                    io(() -> workspace.deleteDataset(name, type));
                    projects.get(name).datasets().remove(type);
                    return DeleteDatasetResponse.builder().build();
                }));
    }

    @Override
    public UpdateDatasetEntriesResponse updateDatasetEntries(UpdateDatasetEntriesRequest request) {
        String name = request.projectName();
        String type = request.datasetType();
        return write(() -> tokens.once("UpdateDatasetEntries", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), UpdateDatasetEntriesResponse.class,
                type, ResourceType.DATASET, () -> {
                    Dataset d = dataset(name, type);
                    DatasetStatus s = d.file().status();
                    if (s != DatasetStatus.CREATE_COMPLETE && s != DatasetStatus.UPDATE_COMPLETE
                            && s != DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE) {
                        throw new ConflictException("The " + type + " dataset of project " + name + " is " + s
                                + "; it can be updated once it is CREATE_COMPLETE, UPDATE_COMPLETE or "
                                + "UPDATE_FAILED_ROLLBACK_COMPLETE.", type, ResourceType.DATASET);
                    }
                    DatasetFile updating = d.file().withStatus(DatasetStatus.UPDATE_IN_PROGRESS, DATASET_UPDATING,
                            clock.instant());
                    io(() -> workspace.writeDataset(name, updating));
                    projects.get(name).datasets().put(type, new Dataset(updating, d.entries()));
                    byte[] changes = request.changes().asByteArray();
                    submit(() -> applyUpdate(name, updating, d.entries(), changes));
                    return UpdateDatasetEntriesResponse.builder().status(DatasetStatus.UPDATE_IN_PROGRESS).build();
                }));
    }

    /** The asynchronous half of UpdateDatasetEntries: merge and check, then commit or roll back. */
    private void applyUpdate(String project, DatasetFile file, List<StoredEntry> before, byte[] changes) {
        String type = file.datasetType();
        try {
            Path base = file.base() == null ? null : Path.of(file.base());
            List<StoredEntry> merged = importer.merge(before, changes, base, clock.instant());
            long generation = file.generation() + 1;
            write(() -> {
                io(() -> workspace.writeEntries(project, type, generation, merged));
                // The descriptor's rename is the commit: before it the old generation is in force.
                DatasetFile done = file.withGeneration(generation)
                        .withStatus(DatasetStatus.UPDATE_COMPLETE, DATASET_UPDATED, clock.instant());
                io(() -> workspace.writeDataset(project, done));
                projects.get(project).datasets().put(type, new Dataset(done, merged));
                io(() -> workspace.deleteEntries(project, type, file.generation()));
                return null;
            });
        } catch (IllegalArgumentException e) { // ImportException, or a manifest reference that cannot resolve
            rollBack(project, file, before, e.getMessage());
        } catch (RuntimeException e) {
            rollBack(project, file, before, "The update could not be applied: " + e);
        }
    }

    private void rollBack(String project, DatasetFile file, List<StoredEntry> before, String message) {
        write(() -> {
            DatasetFile rolling = file.withStatus(DatasetStatus.UPDATE_FAILED_ROLLBACK_IN_PROGRESS, message,
                    clock.instant());
            io(() -> workspace.writeDataset(project, rolling));
            // Nothing to undo on disk: the entries of the failed update were never committed.
            DatasetFile rolled = file.withStatus(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, message,
                    clock.instant());
            io(() -> workspace.writeDataset(project, rolled));
            projects.get(project).datasets().put(file.datasetType(), new Dataset(rolled, before));
            return null;
        });
    }

    @Override
    public ListDatasetEntriesResponse listDatasetEntries(ListDatasetEntriesRequest request) {
        return read(() -> {
            Dataset d = dataset(request.projectName(), request.datasetType());
            String scope = request.projectName() + "/" + request.datasetType() + "/" + d.file().incarnation();
            String filterKey = request.toBuilder().nextToken(null).maxResults(null).build().toString();
            int start = 0;
            if (request.nextToken() != null && !request.nextToken().isEmpty()) {
                String position = pages.decode(request.nextToken(), "ListDatasetEntries", scope, filterKey);
                try {
                    start = Integer.parseInt(position);
                } catch (NumberFormatException e) {
                    throw new ValidationException("The pagination token is invalid: it carries no position.");
                }
            }
            EntryFilter filter = new EntryFilter(request.labeled(), request.anomalyClass(),
                    request.beforeCreationDate(), request.afterCreationDate(), request.sourceRefContains());
            int max = request.maxResults() == null ? 100 : request.maxResults();
            List<String> page = new ArrayList<>(Math.min(max, 100));
            String next = null;
            List<StoredEntry> entries = d.entries();
            // Entries keep their place when replaced and are only ever appended, so a position
            // stays valid between pages even while updates land.
            for (int i = start; i < entries.size(); i++) {
                if (!filter.test(entries.get(i))) {
                    continue;
                }
                if (page.size() == max) {
                    next = pages.encode("ListDatasetEntries", scope, filterKey, Integer.toString(i));
                    break;
                }
                page.add(entries.get(i).entry().json());
            }
            return ListDatasetEntriesResponse.builder().datasetEntries(page).nextToken(next).build();
        });
    }

    // ---- lifecycle ----

    /** Waits for imports and updates in flight, stops the facade's own threads, releases the workspace. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        inFlight.arriveAndAwaitAdvance();
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

    // ---- helpers ----

    private Project project(String name) {
        Project p = projects.get(name);
        if (p == null) {
            throw new ResourceNotFoundException("Project " + name + " does not exist.", name, ResourceType.PROJECT);
        }
        return p;
    }

    private Dataset dataset(String project, String type) {
        Dataset d = project(project).datasets().get(type);
        if (d == null) {
            throw new ResourceNotFoundException("Project " + project + " has no " + type + " dataset.", type,
                    ResourceType.DATASET);
        }
        return d;
    }

    private String projectArn(String name) {
        return "arn:aws:lookoutvision:" + region + ":" + accountId + ":project/" + name;
    }

    private static ProjectMetadata metadata(ProjectFile p) {
        return ProjectMetadata.builder().projectArn(p.projectArn()).projectName(p.projectName())
                .creationTimestamp(p.creationTimestamp()).build();
    }

    private static DatasetMetadata metadata(DatasetFile d) {
        return DatasetMetadata.builder().datasetType(d.datasetType()).creationTimestamp(d.creationTimestamp())
                .status(d.status()).statusMessage(d.statusMessage()).build();
    }

    private void submit(Runnable task) {
        inFlight.register();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.arriveAndDeregister();
            throw new InternalServerException("the executor refused the work: " + e.getMessage(), e);
        }
    }

    private <T> T read(Supplier<T> op) {
        lock.readLock().lock();
        try {
            checkOpen();
            return boundary(op);
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> op) {
        lock.writeLock().lock();
        try {
            checkOpen();
            return boundary(op);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void checkOpen() {
        // Asynchronous work still finishes after close() was called: close() waits for it.
        if (closed && inFlight.getRegisteredParties() <= 1) {
            throw new IllegalStateException("this LookoutVision is closed");
        }
    }

    /** The one place where any failure becomes one of the service's exceptions. */
    private static <T> T boundary(Supplier<T> op) {
        try {
            return op.get();
        } catch (LookoutVisionException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw new InternalServerException("workspace I/O failed: " + e.getCause().getMessage(), e);
        } catch (RuntimeException e) {
            throw new InternalServerException("internal error: " + e, e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
