package dev.loupe.api;

import dev.loupe.api.State.Dataset;
import dev.loupe.api.State.Project;
import dev.loupe.api.dataset.EntryFilter;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.CreateDatasetRequest;
import dev.loupe.api.model.CreateDatasetResponse;
import dev.loupe.api.model.DatasetDescription;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.DeleteDatasetRequest;
import dev.loupe.api.model.DeleteDatasetResponse;
import dev.loupe.api.model.DescribeDatasetRequest;
import dev.loupe.api.model.DescribeDatasetResponse;
import dev.loupe.api.model.InputS3Object;
import dev.loupe.api.model.ListDatasetEntriesRequest;
import dev.loupe.api.model.ListDatasetEntriesResponse;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.UpdateDatasetEntriesRequest;
import dev.loupe.api.model.UpdateDatasetEntriesResponse;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.DatasetFile;
import dev.loupe.api.workspace.StoredEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * CreateDataset (empty at once, or imported asynchronously), DescribeDataset, DeleteDataset,
 * UpdateDatasetEntries (asynchronous, rolled back on failure) and ListDatasetEntries.
 * Thread-safe through {@link State}.
 */
final class Datasets {
    private static final String DATASET_CREATED = "The dataset was created successfully.";
    private static final String DATASET_CREATING = "The dataset is being created.";
    private static final String DATASET_UPDATING = "The dataset is being updated.";
    private static final String DATASET_UPDATED = "The dataset was updated successfully.";

    private final State state;

    Datasets(State state) {
        this.state = state;
    }

    CreateDatasetResponse createDataset(CreateDatasetRequest request) {
        return createDataset(request, null, null, request.toBuilder().clientToken(null).build().toString());
    }

    CreateDatasetResponse createDataset(CreateDatasetRequest request, Path manifest, Path base) {
        Objects.requireNonNull(manifest, "manifest");
        if (request.datasetSource() != null) {
            throw new ValidationException("1 validation error detected: a dataset is created either from "
                    + "datasetSource or from a local manifest file, not both");
        }
        Path folder = (base != null ? base : manifest.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        return createDataset(request, manifest.toAbsolutePath().normalize(), folder,
                request.toBuilder().clientToken(null).build() + " manifest=" + manifest.toAbsolutePath().normalize()
                        + " base=" + folder);
    }

    CreateDatasetResponse createDataset(CreateDatasetRequest request, Path localManifest, Path localBase,
                                        String parameters) {
        String name = request.projectName();
        String type = request.datasetType();
        InputS3Object s3 = request.datasetSource() == null || request.datasetSource().groundTruthManifest() == null
                ? null : request.datasetSource().groundTruthManifest().s3Object();
        if (request.datasetSource() != null && s3 == null) {
            throw new ValidationException("1 validation error detected: Value null at "
                    + "'datasetSource.groundTruthManifest.s3Object' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return state.write(() -> state.tokens.once("CreateDataset", request.clientToken(), parameters,
                CreateDatasetResponse.class, type, ResourceType.DATASET, () -> {
                    Project p = state.project(name);
                    if (p.datasets().containsKey(type)) {
                        throw new ConflictException("Project " + name + " already has a " + type
                                + " dataset; delete it before creating another.", type, ResourceType.DATASET);
                    }
                    Instant now = state.clock.instant();
                    boolean async = s3 != null || localManifest != null;
                    DatasetFile file = new DatasetFile(type, now, now,
                            async ? DatasetStatus.CREATE_IN_PROGRESS : DatasetStatus.CREATE_COMPLETE,
                            async ? DATASET_CREATING : DATASET_CREATED, UUID.randomUUID().toString(), 0, null);
                    State.io(() -> state.workspace.writeDataset(name, file));
                    p.datasets().put(type, new Dataset(file, List.of()));
                    if (async) {
                        state.submit(() -> importDataset(name, file, s3, localManifest, localBase));
                    }
                    return CreateDatasetResponse.builder().datasetMetadata(State.metadata(file)).build();
                }));
    }

    /** The asynchronous half of CreateDataset: read and check, then commit or fail. */
    void importDataset(String project, DatasetFile file, InputS3Object s3, Path localManifest, Path localBase) {
        Path manifest = null;
        try {
            String display = localManifest != null ? localManifest.toString() : "s3://" + s3.bucket() + "/" + s3.key();
            manifest = localManifest != null ? localManifest : state.importer.resolveS3(s3.bucket(), s3.key());
            Path base = localBase != null ? localBase : manifest.toAbsolutePath().getParent();
            List<StoredEntry> entries = state.importer.read(manifest, base, display, state.clock.instant());
            state.commit(() -> {
                State.io(() -> state.workspace.writeEntries(project, file.datasetType(), 1, entries));
                DatasetFile done = new DatasetFile(file.datasetType(), file.creationTimestamp(), state.clock.instant(),
                        DatasetStatus.CREATE_COMPLETE, DATASET_CREATED, file.incarnation(), 1, base.toString());
                State.io(() -> state.workspace.writeDataset(project, done));
                state.projects.get(project).datasets().put(file.datasetType(), new Dataset(done, entries));
                return null;
            });
        } catch (IllegalArgumentException e) { // ImportException, or a manifest reference that cannot resolve
            failImport(project, file, e.getMessage());
        } catch (IOException | RuntimeException e) {
            failImport(project, file, "The dataset could not be imported: " + e);
        }
    }

    void failImport(String project, DatasetFile file, String message) {
        state.commit(() -> {
            DatasetFile failed = file.withStatus(DatasetStatus.CREATE_FAILED, message, state.clock.instant());
            State.io(() -> state.workspace.writeDataset(project, failed));
            state.projects.get(project).datasets().put(file.datasetType(), new Dataset(failed, List.of()));
            return null;
        });
    }

    DescribeDatasetResponse describeDataset(DescribeDatasetRequest request) {
        return state.read(() -> {
            Dataset d = state.dataset(request.projectName(), request.datasetType());
            DatasetFile f = d.file();
            return DescribeDatasetResponse.builder().datasetDescription(DatasetDescription.builder()
                    .projectName(request.projectName()).datasetType(f.datasetType())
                    .creationTimestamp(f.creationTimestamp()).lastUpdatedTimestamp(f.lastUpdatedTimestamp())
                    .status(f.status()).statusMessage(f.statusMessage()).imageStats(d.stats()).build()).build();
        });
    }

    DeleteDatasetResponse deleteDataset(DeleteDatasetRequest request) {
        String name = request.projectName();
        String type = request.datasetType();
        return state.write(() -> state.tokens.once("DeleteDataset", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), DeleteDatasetResponse.class,
                type, ResourceType.DATASET, () -> {
                    Dataset d = state.dataset(name, type);
                    if (d.file().status().inProgress()) {
                        throw new ConflictException("The " + type + " dataset of project " + name + " is "
                                + d.file().status() + "; wait until it settles before deleting it.", type,
                                ResourceType.DATASET);
                    }
                    // One rename takes the dataset out of sight, so it is gone as soon as this returns.
                    State.io(() -> state.workspace.deleteDataset(name, type));
                    state.projects.get(name).datasets().remove(type);
                    return DeleteDatasetResponse.builder().build();
                }));
    }

    UpdateDatasetEntriesResponse updateDatasetEntries(UpdateDatasetEntriesRequest request) {
        String name = request.projectName();
        String type = request.datasetType();
        return state.write(() -> state.tokens.once("UpdateDatasetEntries", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), UpdateDatasetEntriesResponse.class,
                type, ResourceType.DATASET, () -> {
                    Dataset d = state.dataset(name, type);
                    DatasetStatus s = d.file().status();
                    if (s != DatasetStatus.CREATE_COMPLETE && s != DatasetStatus.UPDATE_COMPLETE
                            && s != DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE) {
                        throw new ConflictException("The " + type + " dataset of project " + name + " is " + s
                                + "; it can be updated once it is CREATE_COMPLETE, UPDATE_COMPLETE or "
                                + "UPDATE_FAILED_ROLLBACK_COMPLETE.", type, ResourceType.DATASET);
                    }
                    DatasetFile updating = d.file().withStatus(DatasetStatus.UPDATE_IN_PROGRESS, DATASET_UPDATING,
                            state.clock.instant());
                    State.io(() -> state.workspace.writeDataset(name, updating));
                    state.projects.get(name).datasets().put(type, new Dataset(updating, d.entries()));
                    byte[] changes = request.changes().asByteArray();
                    state.submit(() -> applyUpdate(name, updating, d.entries(), changes));
                    return UpdateDatasetEntriesResponse.builder().status(DatasetStatus.UPDATE_IN_PROGRESS).build();
                }));
    }

    /** The asynchronous half of UpdateDatasetEntries: merge and check, then commit or roll back. */
    void applyUpdate(String project, DatasetFile file, List<StoredEntry> before, byte[] changes) {
        String type = file.datasetType();
        try {
            Path base = file.base() == null ? null : Path.of(file.base());
            List<StoredEntry> merged = state.importer.merge(before, changes, base, state.clock.instant());
            long generation = file.generation() + 1;
            state.commit(() -> {
                State.io(() -> state.workspace.writeEntries(project, type, generation, merged));
                // The descriptor's rename is the commit: before it the old generation is in force.
                DatasetFile done = file.withGeneration(generation)
                        .withStatus(DatasetStatus.UPDATE_COMPLETE, DATASET_UPDATED, state.clock.instant());
                State.io(() -> state.workspace.writeDataset(project, done));
                state.projects.get(project).datasets().put(type, new Dataset(done, merged));
                State.io(() -> state.workspace.deleteEntries(project, type, file.generation()));
                return null;
            });
        } catch (IllegalArgumentException e) { // ImportException, or a manifest reference that cannot resolve
            rollBack(project, file, before, e.getMessage());
        } catch (RuntimeException e) {
            rollBack(project, file, before, "The update could not be applied: " + e);
        }
    }

    void rollBack(String project, DatasetFile file, List<StoredEntry> before, String message) {
        state.commit(() -> {
            DatasetFile rolling = file.withStatus(DatasetStatus.UPDATE_FAILED_ROLLBACK_IN_PROGRESS, message,
                    state.clock.instant());
            State.io(() -> state.workspace.writeDataset(project, rolling));
            // Nothing to undo on disk: the entries of the failed update were never committed.
            DatasetFile rolled = file.withStatus(DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE, message,
                    state.clock.instant());
            State.io(() -> state.workspace.writeDataset(project, rolled));
            state.projects.get(project).datasets().put(file.datasetType(), new Dataset(rolled, before));
            return null;
        });
    }

    ListDatasetEntriesResponse listDatasetEntries(ListDatasetEntriesRequest request) {
        return state.read(() -> {
            Dataset d = state.dataset(request.projectName(), request.datasetType());
            String scope = request.projectName() + "/" + request.datasetType() + "/" + d.file().incarnation();
            String filterKey = request.toBuilder().nextToken(null).maxResults(null).build().toString();
            int start = 0;
            if (request.nextToken() != null && !request.nextToken().isEmpty()) {
                String position = state.pages.decode(request.nextToken(), "ListDatasetEntries", scope, filterKey);
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
                    next = state.pages.encode("ListDatasetEntries", scope, filterKey, Integer.toString(i));
                    break;
                }
                page.add(entries.get(i).entry().json());
            }
            return ListDatasetEntriesResponse.builder().datasetEntries(page).nextToken(next).build();
        });
    }
}
