package dev.loupe.api;

import dev.loupe.api.dataset.EntryImporter;
import dev.loupe.api.model.DatasetImageStats;
import dev.loupe.api.model.DatasetMetadata;
import dev.loupe.api.model.InternalServerException;
import dev.loupe.api.model.LookoutVisionException;
import dev.loupe.api.model.ProjectMetadata;
import dev.loupe.api.model.ResourceNotFoundException;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.workspace.DatasetFile;
import dev.loupe.api.workspace.JobFile;
import dev.loupe.api.workspace.ModelFile;
import dev.loupe.api.workspace.ProjectFile;
import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.api.workspace.Workspace;
import dev.loupe.manifest.Label;
import dev.loupe.segmentation.edge.ModelHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What the facade's operations share: the workspace and its in-memory mirror, the lock that
 * serialises changes, client and page tokens, the executor for asynchronous work, and the one
 * boundary where any failure becomes a service exception.
 *
 * <p>Thread-safety: the mirror ({@link #projects}) is read under the read lock and changed under
 * the write lock, through {@link #read} and {@link #write}.
 */
final class State {
    final Workspace workspace;
    final Clock clock;
    final String region;
    final String accountId;
    final EntryImporter importer;
    final ClientTokens tokens;
    final PageTokens pages;
    /** Projects by name, in name order. Guarded by {@link #lock}. */
    final Map<String, Project> projects = new TreeMap<>();
    private final ExecutorService executor;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Counts asynchronous work in flight, so close can wait for it. */
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean closed;

    /**
     * A project and what it holds: datasets by type, models by version (newest first), packaging
     * jobs by name. The descriptor is replaced when the project's counters change.
     */
    static final class Project {
        private ProjectFile file;
        private final Map<String, Dataset> datasets = new TreeMap<>();
        private final Map<String, Model> models = new TreeMap<>(NEWEST_FIRST);
        private final Map<String, JobFile> jobs = new TreeMap<>();

        Project(ProjectFile file) {
            this.file = file;
        }

        ProjectFile file() {
            return file;
        }

        void file(ProjectFile newFile) {
            this.file = newFile;
        }

        Map<String, Dataset> datasets() {
            return datasets;
        }

        Map<String, Model> models() {
            return models;
        }

        Map<String, JobFile> jobs() {
            return jobs;
        }
    }

    /** Model versions in descending numeric order, as ListModels answers them. */
    static final Comparator<String> NEWEST_FIRST = Comparator.comparingLong((String v) -> Long.parseLong(v)).reversed();

    /**
     * A model version: its descriptor, and while it is hosted, its detectors.
     *
     * @param pool the hosted detectors, or null when the model is not hosted
     */
    record Model(ModelFile file, ModelHost pool) {
        Model withFile(ModelFile newFile) {
            return new Model(newFile, pool);
        }
    }

    /** A dataset: its descriptor and its current entries (an immutable list, replaced whole). */
    record Dataset(DatasetFile file, List<StoredEntry> entries) {
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

    State(Workspace workspace, Clock clock, String region, String accountId, EntryImporter importer,
          ExecutorService executor) throws IOException {
        this.workspace = workspace;
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.importer = importer;
        this.executor = executor;
        this.tokens = new ClientTokens(workspace, clock);
        this.pages = new PageTokens(workspace.secret());
        for (ProjectFile p : workspace.readProjects()) {
            Project project = new Project(p);
            for (DatasetFile d : workspace.readDatasets(p.projectName())) {
                project.datasets().put(d.datasetType(), new Dataset(d, workspace.readEntries(p.projectName(), d)));
            }
            for (ModelFile m : workspace.readModels(p.projectName())) {
                project.models().put(m.modelVersion(), new Model(m, null));
            }
            for (JobFile j : workspace.readJobs(p.projectName())) {
                project.jobs().put(j.jobName(), j);
            }
            projects.put(p.projectName(), project);
        }
    }

    Project project(String name) {
        Project p = projects.get(name);
        if (p == null) {
            throw new ResourceNotFoundException("Project " + name + " does not exist.", name, ResourceType.PROJECT);
        }
        return p;
    }

    Dataset dataset(String project, String type) {
        Dataset d = project(project).datasets().get(type);
        if (d == null) {
            throw new ResourceNotFoundException("Project " + project + " has no " + type + " dataset.", type,
                    ResourceType.DATASET);
        }
        return d;
    }

    /**
     * The model a request names; {@code latest} is the highest version.
     *
     * @throws ResourceNotFoundException when there is no such version
     */
    Model model(String project, String version) {
        Project p = project(project);
        Model m = "latest".equals(version)
                ? p.models().values().stream().findFirst().orElse(null)
                : p.models().get(version);
        if (m == null) {
            throw new ResourceNotFoundException("Project " + project + " has no model"
                    + ("latest".equals(version) ? "" : " version " + version) + ".", version, ResourceType.MODEL);
        }
        return m;
    }

    /** Replaces a model's descriptor on disk and in memory. */
    void put(String project, Model model) {
        io(() -> workspace.writeModel(project, model.file()));
        projects.get(project).models().put(model.file().modelVersion(), model);
    }

    String modelArn(String project, String version) {
        return "arn:aws:lookoutvision:" + region + ":" + accountId + ":model/" + project + "/" + version;
    }

    String projectArn(String name) {
        return "arn:aws:lookoutvision:" + region + ":" + accountId + ":project/" + name;
    }

    static ProjectMetadata metadata(ProjectFile p) {
        return ProjectMetadata.builder().projectArn(p.projectArn()).projectName(p.projectName())
                .creationTimestamp(p.creationTimestamp()).build();
    }

    static DatasetMetadata metadata(DatasetFile d) {
        return DatasetMetadata.builder().datasetType(d.datasetType()).creationTimestamp(d.creationTimestamp())
                .status(d.status()).statusMessage(d.statusMessage()).build();
    }

    /** Runs {@code task} on the executor; {@link #close()} waits for it. */
    void submit(Runnable task) {
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

    <T> T read(Supplier<T> op) {
        lock.readLock().lock();
        try {
            checkOpen();
            return boundary(op);
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> op) {
        lock.writeLock().lock();
        try {
            checkOpen();
            return boundary(op);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A change made by asynchronous work already accepted (an import, an update, training,
     * hosting): it still lands while {@link #close()} waits for that work, when calls from
     * outside are refused.
     */
    <T> T commit(Supplier<T> op) {
        lock.writeLock().lock();
        try {
            return boundary(op);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A read by asynchronous work already accepted; see {@link #commit}. */
    <T> T inspect(Supplier<T> op) {
        lock.readLock().lock();
        try {
            return boundary(op);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code op} outside the lock (for work that must not hold it, like detection), still
     * refusing calls after close and turning failures into service exceptions.
     */
    <T> T unlocked(Supplier<T> op) {
        checkOpen();
        return boundary(op);
    }

    /** Refuses new calls, then waits for asynchronous work in flight. Returns false if already closed. */
    boolean close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        inFlight.arriveAndAwaitAdvance();
        return true;
    }

    private void checkOpen() {
        if (closed) {
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

    interface IoAction {
        void run() throws IOException;
    }

    static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
