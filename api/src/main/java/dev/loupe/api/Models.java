package dev.loupe.api;

import dev.loupe.api.State.Dataset;
import dev.loupe.api.State.Model;
import dev.loupe.api.State.Project;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.CreateModelRequest;
import dev.loupe.api.model.CreateModelResponse;
import dev.loupe.api.model.DatasetStatus;
import dev.loupe.api.model.DeleteModelRequest;
import dev.loupe.api.model.DeleteModelResponse;
import dev.loupe.api.model.DescribeModelRequest;
import dev.loupe.api.model.DescribeModelResponse;
import dev.loupe.api.model.ListModelsRequest;
import dev.loupe.api.model.ListModelsResponse;
import dev.loupe.api.model.ModelDescription;
import dev.loupe.api.model.ModelMetadata;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.ModelFile;
import dev.loupe.api.workspace.ProjectFile;
import dev.loupe.api.workspace.StoredEntry;
import dev.loupe.engine.model.Minimums;
import dev.loupe.manifest.Label;
import dev.loupe.manifest.ManifestEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateModel (training runs asynchronously, see {@link ModelTraining}), DescribeModel,
 * ListModels and DeleteModel. Thread-safe through {@link State}.
 */
final class Models {
    static final String TRAINING = "The model is being trained.";
    static final String TRAINED = "Training completed successfully.";
    /** Statuses a dataset must have for a model to train on it. */
    private static final List<DatasetStatus> READY = List.of(DatasetStatus.CREATE_COMPLETE,
            DatasetStatus.UPDATE_COMPLETE, DatasetStatus.UPDATE_FAILED_ROLLBACK_COMPLETE);
    /** Statuses of a model whose training succeeded, so that its archive exists. */
    static final Set<ModelStatus> HAS_ARCHIVE = Set.of(ModelStatus.TRAINED, ModelStatus.STARTING_HOSTING,
            ModelStatus.HOSTED, ModelStatus.HOSTING_FAILED, ModelStatus.STOPPING_HOSTING, ModelStatus.SYSTEM_UPDATING);

    private final State state;
    private final ModelTraining training;

    Models(State state, ModelTraining training) {
        this.state = state;
        this.training = training;
    }

    CreateModelResponse createModel(CreateModelRequest request) {
        String name = request.projectName();
        return state.write(() -> state.tokens.once("CreateModel", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), CreateModelResponse.class,
                name, ResourceType.PROJECT, () -> {
                    Project p = state.project(name);
                    Dataset train = ready(p, "train", true);
                    Dataset test = ready(p, "test", false);
                    checkMinimums(train, test);
                    boolean segmentation = isSegmentation(train);
                    if (segmentation) {
                        checkLabelMinimums(train, test);
                    }
                    // An output bucket that does not resolve fails now, not after an hour of training.
                    training.outputFile(request.outputConfig(), "EvaluationResult-" + name + ".json");
                    // The counter moves first and is never reused, even if what follows fails.
                    ProjectFile pf = p.file();
                    String version = Integer.toString(pf.nextModelVersion());
                    ProjectFile next = new ProjectFile(pf.projectName(), pf.projectArn(), pf.creationTimestamp(),
                            pf.nextModelVersion() + 1);
                    State.io(() -> state.workspace.writeProject(next));
                    p.file(next);
                    var now = state.clock.instant();
                    ModelFile file = new ModelFile(version, state.modelArn(name, version), null, now, now,
                            request.description(), ModelStatus.TRAINING, TRAINING, null, request.outputConfig(), null,
                            null, null, request.kmsKeyId(), null, null, request.tags());
                    state.put(name, new Model(file, null));
                    ModelTraining.Job job = new ModelTraining.Job(name, version, train.entries(), base(train),
                            test == null ? null : test.entries(), test == null ? null : base(test), request.outputConfig(),
                            segmentation);
                    state.submit(() -> training.run(job));
                    return CreateModelResponse.builder().modelMetadata(metadata(file)).build();
                }));
    }

    byte[] modelArchive(DescribeModelRequest request) {
        return state.read(() -> {
            ModelFile f = state.model(request.projectName(), request.modelVersion()).file();
            if (!HAS_ARCHIVE.contains(f.status())) {
                throw new ConflictException("Model " + f.modelArn() + " is " + f.status()
                        + "; only a successfully trained model has an archive.", f.modelVersion(), ResourceType.MODEL);
            }
            try {
                return Files.readAllBytes(state.workspace.modelArchive(request.projectName(), f.modelVersion()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    DescribeModelResponse describeModel(DescribeModelRequest request) {
        return state.read(() -> {
            ModelFile f = state.model(request.projectName(), request.modelVersion()).file();
            return DescribeModelResponse.builder().modelDescription(ModelDescription.builder()
                    .modelVersion(f.modelVersion()).modelArn(f.modelArn()).creationTimestamp(f.creationTimestamp())
                    .description(f.description()).status(f.status()).statusMessage(f.statusMessage())
                    .performance(f.performance()).outputConfig(f.outputConfig())
                    .evaluationManifest(f.evaluationManifest()).evaluationResult(f.evaluationResult())
                    .evaluationEndTimestamp(f.evaluationEndTimestamp()).kmsKeyId(f.kmsKeyId())
                    .minInferenceUnits(f.minInferenceUnits()).maxInferenceUnits(f.maxInferenceUnits()).build())
                    .build();
        });
    }

    ListModelsResponse listModels(ListModelsRequest request) {
        return state.read(() -> {
            Project p = state.project(request.projectName());
            String scope = request.projectName();
            String after = request.nextToken() == null || request.nextToken().isEmpty() ? null
                    : state.pages.decode(request.nextToken(), "ListModels", scope, "");
            long below = after == null ? Long.MAX_VALUE : parsePosition(after);
            int max = request.maxResults() == null ? 100 : request.maxResults();
            List<ModelMetadata> page = new ArrayList<>();
            String next = null;
            // Newest first; versions only grow, so "below the last one returned" stays stable.
            for (Map.Entry<String, Model> e : p.models().entrySet()) {
                if (Long.parseLong(e.getKey()) >= below) {
                    continue;
                }
                if (page.size() == max) {
                    next = state.pages.encode("ListModels", scope, "", page.get(max - 1).modelVersion());
                    break;
                }
                page.add(metadata(e.getValue().file()));
            }
            return ListModelsResponse.builder().models(page).nextToken(next).build();
        });
    }

    DeleteModelResponse deleteModel(DeleteModelRequest request) {
        String name = request.projectName();
        String version = request.modelVersion();
        return state.write(() -> state.tokens.once("DeleteModel", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), DeleteModelResponse.class,
                version, ResourceType.MODEL, () -> {
                    Model m = state.model(name, version);
                    ModelStatus s = m.file().status();
                    if (s != ModelStatus.TRAINED && s != ModelStatus.TRAINING_FAILED && s != ModelStatus.HOSTING_FAILED) {
                        throw new ConflictException("Model " + name + "/" + version + " is " + s + "; a model can be "
                                + "deleted when it is TRAINED, TRAINING_FAILED or HOSTING_FAILED"
                                + (s == ModelStatus.HOSTED ? " (stop it first)" : "") + ".", version, ResourceType.MODEL);
                    }
                    // DELETING is recorded, then one rename takes the model out of sight.
                    State.io(() -> state.workspace.writeModel(name,
                            m.file().withStatus(ModelStatus.DELETING, "The model is being deleted.", state.clock.instant())));
                    State.io(() -> state.workspace.deleteModel(name, version));
                    state.projects.get(name).models().remove(version);
                    return DeleteModelResponse.builder().modelArn(m.file().modelArn()).build();
                }));
    }

    static ModelMetadata metadata(ModelFile f) {
        return ModelMetadata.builder().creationTimestamp(f.creationTimestamp()).modelVersion(f.modelVersion())
                .modelArn(f.modelArn()).description(f.description()).status(f.status())
                .statusMessage(f.statusMessage()).performance(f.performance()).build();
    }

    /** The dataset of {@code type}, when it exists and has settled; null for an absent optional one. */
    private static Dataset ready(Project p, String type, boolean required) {
        Dataset d = p.datasets().get(type);
        if (d == null) {
            if (required) {
                throw new ConflictException("Project " + p.file().projectName() + " has no train dataset; create one "
                        + "before training a model.", type, ResourceType.DATASET);
            }
            return null;
        }
        if (!READY.contains(d.file().status())) {
            throw new ConflictException("The " + type + " dataset of project " + p.file().projectName() + " is "
                    + d.file().status() + "; a model trains on datasets that are CREATE_COMPLETE, UPDATE_COMPLETE or "
                    + "UPDATE_FAILED_ROLLBACK_COMPLETE.", type, ResourceType.DATASET);
        }
        return d;
    }

    private static void checkMinimums(Dataset train, Dataset test) {
        List<String> shortfalls = Minimums.shortfalls(labels(train), test == null ? null : labels(test));
        if (!shortfalls.isEmpty()) {
            throw new ValidationException("The datasets do not have enough labeled images to train a model: "
                    + String.join("; ", shortfalls) + ".");
        }
    }

    /**
     * The model type follows the training labels, as the service chose it: masks on labeled
     * anomalous training images make an image segmentation model.
     */
    private static boolean isSegmentation(Dataset train) {
        return train.entries().stream().anyMatch(e -> e.entry().label() == Label.ANOMALY && e.entry().hasMask());
    }

    /** The per-label minimums of a segmentation model (LOOKOUT_API §6). */
    private static void checkLabelMinimums(Dataset train, Dataset test) {
        List<String> shortfalls = Minimums.labelShortfalls(entries(train), test == null ? null : entries(test));
        if (!shortfalls.isEmpty()) {
            throw new ValidationException("The datasets do not have enough images of each anomaly label to train a "
                    + "segmentation model: " + String.join("; ", shortfalls) + ".");
        }
    }

    private static List<ManifestEntry> entries(Dataset d) {
        return d.entries().stream().map(StoredEntry::entry).toList();
    }

    private static List<Label> labels(Dataset d) {
        return d.entries().stream().map(e -> e.entry().label()).toList();
    }

    private static Path base(Dataset d) {
        return d.file().base() == null ? null : Path.of(d.file().base());
    }

    private static long parsePosition(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new ValidationException("The pagination token is invalid: it carries no position.");
        }
    }
}
