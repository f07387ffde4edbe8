package dev.loupe.api;

import dev.loupe.api.dataset.EntryImporter;
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
import dev.loupe.api.workspace.Workspace;
import dev.loupe.manifest.ImageLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    private LocalLookoutVision(Builder b) throws IOException {
        this.workspace = Workspace.open(b.workspace, b.clock);
        this.ownsExecutor = b.executor == null;
        this.executor = ownsExecutor ? Executors.newFixedThreadPool(2, workerThreads()) : b.executor;
        try {
            ImageLocator.Builder locator = ImageLocator.builder().s3Root(b.s3Root);
            b.buckets.forEach(locator::bucket);
            this.state = new State(workspace, b.clock, b.region, b.accountId, new EntryImporter(locator.build()),
                    executor);
        } catch (IOException | RuntimeException e) {
            shutdown();
            throw e;
        }
        this.projects = new Projects(state);
        this.datasets = new Datasets(state);
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
    public CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest) {
        return datasets.createDataset(request, manifest);
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

    /** Waits for asynchronous work in flight, stops the facade's own threads, releases the workspace. */
    @Override
    public void close() {
        if (state.close()) {
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
