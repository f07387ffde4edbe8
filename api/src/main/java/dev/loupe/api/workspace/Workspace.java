package dev.loupe.api.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.ModelPackagingJobStatus;
import dev.loupe.api.model.ModelStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace folder, opened for writing:
 * <pre>
 * workspace.json                              format version, the page-token key
 * client-tokens.json                          idempotency tokens and the results they returned
 * projects/&lt;name&gt;/project.json
 * projects/&lt;name&gt;/datasets/&lt;type&gt;/dataset.json
 * projects/&lt;name&gt;/datasets/&lt;type&gt;/entries-&lt;generation&gt;.jsonl
 * projects/&lt;name&gt;/models/&lt;version&gt;/model.json       and model.loupe, the trained model
 * projects/&lt;name&gt;/packaging-jobs/&lt;job&gt;.json
 * </pre>
 * Opening takes the lock and repairs what a crash interrupted (see the package description).
 * Closing releases the lock. Not thread-safe.
 */
public final class Workspace implements AutoCloseable {
    /** The on-disk format this version writes; a newer one is refused. */
    public static final int FORMAT_VERSION = 1;
    static final String TRASH_PREFIX = ".trash-";
    private static final Pattern GENERATION_FILE = Pattern.compile("entries-(\\d+)\\.jsonl");

    private final Path root;
    private final WorkspaceLock lock;
    private final ObjectMapper json;
    private final byte[] secret;
    private final List<String> repairs;

    private Workspace(Path root, WorkspaceLock lock, ObjectMapper json, byte[] secret, List<String> repairs) {
        this.root = root;
        this.lock = lock;
        this.json = json;
        this.secret = secret;
        this.repairs = List.copyOf(repairs);
    }

    /**
     * Opens (creating when missing) the workspace at {@code root}.
     *
     * @param clock stamps the statuses that the repair of interrupted work writes
     * @throws IllegalStateException when another process or object has it open for writing, or it
     *                               was written by a newer version
     */
    public static Workspace open(Path root, Clock clock) throws IOException {
        Path dir = root.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        WorkspaceLock lock = WorkspaceLock.acquire(dir);
        try {
            ObjectMapper json = JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();
            byte[] secret = formatFile(dir, json);
            List<String> repairs = new ArrayList<>();
            repair(dir, json, clock, repairs);
            return new Workspace(dir, lock, json, secret, repairs);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    /** The key that signs page tokens; kept in the workspace so tokens survive a restart. */
    public byte[] secret() {
        return secret.clone();
    }

    /** What opening repaired, one sentence each (interrupted imports, updates, deletions). */
    public List<String> repairs() {
        return repairs;
    }

    public ObjectMapper json() {
        return json;
    }

    // ---- projects ----

    public List<ProjectFile> readProjects() throws IOException {
        return readDescriptors(root.resolve("projects"), "project.json", ProjectFile.class);
    }

    /** Creates the project's folder and descriptor; a crash between the two is repaired on open. */
    public void createProject(ProjectFile project) throws IOException {
        Path dir = projectDir(project.projectName());
        AtomicFiles.createDirectory(dir);
        writeProject(project);
    }

    public void writeProject(ProjectFile project) throws IOException {
        AtomicFiles.write(projectDir(project.projectName()).resolve("project.json"), json.writeValueAsBytes(project));
    }

    /** Removes a project folder: one atomic rename out of sight, then the deletion. */
    public void deleteProject(String name) throws IOException {
        discard(projectDir(name));
    }

    public Path projectDir(String name) {
        return root.resolve("projects").resolve(name);
    }

    // ---- datasets ----

    public List<DatasetFile> readDatasets(String project) throws IOException {
        return readDescriptors(projectDir(project).resolve("datasets"), "dataset.json", DatasetFile.class);
    }

    public void writeDataset(String project, DatasetFile dataset) throws IOException {
        writeDescriptor(datasetDir(project, dataset.datasetType()), "dataset.json", dataset);
    }

    public List<StoredEntry> readEntries(String project, DatasetFile dataset) throws IOException {
        if (dataset.generation() == 0) {
            return List.of();
        }
        return EntryFile.read(generationFile(project, dataset.datasetType(), dataset.generation()));
    }

    /**
     * Writes a new generation of entries. It becomes the dataset's contents only when a
     * descriptor naming it is written; until then a crash leaves the previous generation in force.
     */
    public void writeEntries(String project, String type, long generation, List<StoredEntry> entries)
            throws IOException {
        EntryFile.write(generationFile(project, type, generation), entries);
    }

    /** Deletes a generation no descriptor names any more. */
    public void deleteEntries(String project, String type, long generation) throws IOException {
        Files.deleteIfExists(generationFile(project, type, generation));
    }

    public void deleteDataset(String project, String type) throws IOException {
        discard(datasetDir(project, type));
    }

    Path datasetDir(String project, String type) {
        return projectDir(project).resolve("datasets").resolve(type);
    }

    private Path generationFile(String project, String type, long generation) {
        return datasetDir(project, type).resolve("entries-" + generation + ".jsonl");
    }

    // ---- models ----

    public List<ModelFile> readModels(String project) throws IOException {
        return readDescriptors(projectDir(project).resolve("models"), "model.json", ModelFile.class);
    }

    public void writeModel(String project, ModelFile model) throws IOException {
        writeDescriptor(modelDir(project, model.modelVersion()), "model.json", model);
    }

    /** Where a model version's archive lives. */
    public Path modelArchive(String project, String version) {
        return modelDir(project, version).resolve("model.loupe");
    }

    /** Writes a model version's archive atomically. */
    public void writeModelArchive(String project, String version, byte[] archive) throws IOException {
        AtomicFiles.write(modelArchive(project, version), archive);
    }

    public void deleteModel(String project, String version) throws IOException {
        discard(modelDir(project, version));
    }

    private Path modelDir(String project, String version) {
        return projectDir(project).resolve("models").resolve(version);
    }

    // ---- packaging jobs ----

    public List<JobFile> readJobs(String project) throws IOException {
        List<JobFile> out = new ArrayList<>();
        Path dir = projectDir(project).resolve("packaging-jobs");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : s) {
                out.add(json.readValue(f.toFile(), JobFile.class));
            }
        }
        return out;
    }

    public void writeJob(String project, JobFile job) throws IOException {
        writeDescriptor(projectDir(project).resolve("packaging-jobs"), job.jobName() + ".json", job);
    }

    /** The descriptor {@code name} of each sub-folder of {@code parent}, in folder name order. */
    private <T> List<T> readDescriptors(Path parent, String name, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        for (Path dir : children(parent)) {
            out.add(json.readValue(dir.resolve(name).toFile(), type));
        }
        return out;
    }

    /** Writes a descriptor atomically into {@code dir}, creating the folder the first time. */
    private void writeDescriptor(Path dir, String name, Object value) throws IOException {
        if (!Files.isDirectory(dir)) {
            AtomicFiles.createDirectory(dir);
        }
        AtomicFiles.write(dir.resolve(name), json.writeValueAsBytes(value));
    }

    // ---- client tokens ----

    public Path clientTokensFile() {
        return root.resolve("client-tokens.json");
    }

    /** Writes any JSON document of the workspace atomically. */
    public void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.write(file, json.writeValueAsBytes(value));
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }

    // ---- opening ----

    private static byte[] formatFile(Path dir, ObjectMapper json) throws IOException {
        Path file = dir.resolve("workspace.json");
        if (Files.exists(file)) {
            WorkspaceFile w = json.readValue(file.toFile(), WorkspaceFile.class);
            if (w.formatVersion() > FORMAT_VERSION) {
                throw new IllegalStateException("workspace " + dir + " was written by a newer version (format "
                        + w.formatVersion() + "; this version reads up to " + FORMAT_VERSION + ")");
            }
            return Base64.getDecoder().decode(w.tokenKey());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        AtomicFiles.write(file, json.writeValueAsBytes(
                new WorkspaceFile(FORMAT_VERSION, Base64.getEncoder().encodeToString(key))));
        return key;
    }

    /** The workspace's own descriptor. */
    record WorkspaceFile(int formatVersion, String tokenKey) {
    }

    /**
     * Brings the folder back to a consistent state after a crash: temporary files, trash and
     * half-created folders go; datasets caught in an asynchronous step get the status the
     * service would have reported; generation files that no descriptor names go.
     */
    private static void repair(Path root, ObjectMapper json, Clock clock, List<String> repairs) throws IOException {
        removeLitter(root);
        Path projects = root.resolve("projects");
        if (!Files.isDirectory(projects)) {
            return;
        }
        removeLitter(projects);
        try (DirectoryStream<Path> ps = Files.newDirectoryStream(projects)) {
            for (Path p : ps) {
                if (!Files.exists(p.resolve("project.json"))) {
                    AtomicFiles.deleteTree(p);
                    continue;
                }
                removeLitter(p);
                String project = p.getFileName().toString();
                for (Path d : subfolders(p.resolve("datasets"))) {
                    repairDataset(project, d, json, clock, repairs);
                }
                for (Path m : subfolders(p.resolve("models"))) {
                    repairModel(project, m, json, clock, repairs);
                }
                repairJobs(project, p.resolve("packaging-jobs"), json, clock, repairs);
            }
        }
    }

    private static void repairDataset(String project, Path dir, ObjectMapper json, Clock clock,
                                      List<String> repairs) throws IOException {
        Path descriptor = dir.resolve("dataset.json");
        if (!Files.exists(descriptor)) {
            AtomicFiles.deleteTree(dir);
            return;
        }
        removeLitter(dir);
        DatasetFile d = json.readValue(descriptor.toFile(), DatasetFile.class);
        DatasetFile fixed = switch (d.status()) {
            case CREATE_IN_PROGRESS -> d.withStatus(DatasetStatus.CREATE_FAILED,
                    "The dataset import was interrupted: the process stopped before it completed. "
                            + "Delete the dataset and create it again.", clock.instant());
            case UPDATE_IN_PROGRESS, UPDATE_FAILED_ROLLBACK_IN_PROGRESS -> d.withStatus(
                    DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE,
                    "The update was interrupted: the process stopped before it completed. "
                            + "The dataset holds the entries it had before the update.", clock.instant());
            default -> d;
        };
        if (d.status() == DatasetStatus.DELETE_IN_PROGRESS) {
            AtomicFiles.deleteTree(dir);
            repairs.add("dataset " + project + "/" + d.datasetType() + ": finished an interrupted deletion");
            return;
        }
        if (fixed != d) {
            AtomicFiles.write(descriptor, json.writeValueAsBytes(fixed));
            repairs.add("dataset " + project + "/" + d.datasetType() + ": " + d.status() + " -> "
                    + fixed.status());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "entries-*.jsonl")) {
            for (Path f : files) {
                Matcher m = GENERATION_FILE.matcher(f.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) != d.generation()) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * A model caught training failed with the process; one caught deleting is deleted. Hosting
     * states are runtime state: the facade decides what they become when it opens.
     */
    private static void repairModel(String project, Path dir, ObjectMapper json, Clock clock,
                                    List<String> repairs) throws IOException {
        Path descriptor = dir.resolve("model.json");
        if (!Files.exists(descriptor)) {
            AtomicFiles.deleteTree(dir);
            return;
        }
        removeLitter(dir);
        ModelFile m = json.readValue(descriptor.toFile(), ModelFile.class);
        if (m.status() == ModelStatus.DELETING) {
            AtomicFiles.deleteTree(dir);
            repairs.add("model " + project + "/" + m.modelVersion() + ": finished an interrupted deletion");
        } else if (m.status() == ModelStatus.TRAINING) {
            AtomicFiles.write(descriptor, json.writeValueAsBytes(m.withStatus(ModelStatus.TRAINING_FAILED,
                    "Training was interrupted: the process stopped before it completed. Create the model again.",
                    clock.instant())));
            repairs.add("model " + project + "/" + m.modelVersion() + ": TRAINING -> TRAINING_FAILED");
        }
    }

    private static void repairJobs(String project, Path dir, ObjectMapper json, Clock clock, List<String> repairs)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        removeLitter(dir);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : s) {
                JobFile j = json.readValue(f.toFile(), JobFile.class);
                if (j.status() == ModelPackagingJobStatus.CREATED || j.status() == ModelPackagingJobStatus.RUNNING) {
                    AtomicFiles.write(f, json.writeValueAsBytes(j.withStatus(ModelPackagingJobStatus.FAILED,
                            "The packaging job was interrupted: the process stopped before it completed. "
                                    + "Start a new job.", null, clock.instant())));
                    repairs.add("packaging job " + project + "/" + j.jobName() + ": " + j.status() + " -> FAILED");
                }
            }
        }
    }

    /** The folders of {@code dir} after removing its litter; none when it does not exist. */
    private static List<Path> subfolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        removeLitter(dir);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            s.forEach(out::add);
        }
        return out;
    }

    /** Deletes temporary files and trash folders directly inside {@code dir}. */
    private static void removeLitter(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir,
                f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(AtomicFiles.TEMP_PREFIX) || n.startsWith(TRASH_PREFIX);
                })) {
            for (Path p : s) {
                AtomicFiles.deleteTree(p);
            }
        }
    }

    /** Folders of {@code dir} in name order, skipping hidden ones (trash, temporaries). */
    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : s) {
                if (!p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private void discard(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Path trash = dir.resolveSibling(TRASH_PREFIX + UUID.randomUUID());
        AtomicFiles.rename(dir, trash);
        AtomicFiles.deleteTree(trash);
    }
}
