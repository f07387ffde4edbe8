package dev.loupe.api;

import dev.loupe.api.State.Model;
import dev.loupe.api.State.Project;
import dev.loupe.api.model.Anomaly;
import dev.loupe.api.model.ConflictException;
import dev.loupe.api.model.DetectAnomaliesRequest;
import dev.loupe.api.model.DetectAnomaliesResponse;
import dev.loupe.api.model.DetectAnomalyResult;
import dev.loupe.api.model.ModelHostingStatus;
import dev.loupe.api.model.ModelStatus;
import dev.loupe.api.model.RequestBody;
import dev.loupe.api.model.SdkBytes;
import dev.loupe.api.model.ResourceType;
import dev.loupe.api.model.StartModelRequest;
import dev.loupe.api.model.StartModelResponse;
import dev.loupe.api.model.StopModelRequest;
import dev.loupe.api.model.StopModelResponse;
import dev.loupe.api.model.ValidationException;
import dev.loupe.api.workspace.ModelFile;
import dev.loupe.engine.image.ImageFormat;
import dev.loupe.engine.image.InvalidImageException;
import dev.loupe.segmentation.edge.EdgeResult;
import dev.loupe.segmentation.edge.ModelHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * StartModel, StopModel and DetectAnomalies. A hosted model is a {@link ModelHost} with one
 * detector per inference unit, growing under load to MaxInferenceUnits. Detection runs outside
 * the facade's lock, so hosting changes and dataset work never wait for it (and it never waits
 * for them). Thread-safe.
 */
final class Hosting {
    private static final String STARTING = "The model is being hosted.";
    private static final String HOSTED = "The model is running.";
    private static final String STOPPING = "The model is being stopped.";
    private static final Set<ModelStatus> RUNNING = Set.of(ModelStatus.HOSTED, ModelStatus.SYSTEM_UPDATING);
    private static final Set<ModelStatus> HOSTING_STATES = Set.of(ModelStatus.STARTING_HOSTING, ModelStatus.HOSTED,
            ModelStatus.STOPPING_HOSTING, ModelStatus.SYSTEM_UPDATING);

    private final State state;

    Hosting(State state) {
        this.state = state;
    }

    StartModelResponse startModel(StartModelRequest request) {
        String name = request.projectName();
        return state.write(() -> state.tokens.once("StartModel", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), StartModelResponse.class,
                request.modelVersion(), ResourceType.MODEL, () -> {
                    Model m = state.model(name, request.modelVersion());
                    ModelStatus s = m.file().status();
                    if (s != ModelStatus.TRAINED && s != ModelStatus.HOSTING_FAILED) {
                        throw conflict(m, s + "; a model can be started when it is TRAINED or HOSTING_FAILED");
                    }
                    start(name, m, request.minInferenceUnits(), request.maxInferenceUnits());
                    return StartModelResponse.builder().status(ModelHostingStatus.STARTING_HOSTING).build();
                }));
    }

    StopModelResponse stopModel(StopModelRequest request) {
        String name = request.projectName();
        return state.write(() -> state.tokens.once("StopModel", request.clientToken(),
                request.toBuilder().clientToken(null).build().toString(), StopModelResponse.class,
                request.modelVersion(), ResourceType.MODEL, () -> {
                    Model m = state.model(name, request.modelVersion());
                    ModelStatus s = m.file().status();
                    if (!RUNNING.contains(s) && s != ModelStatus.STARTING_HOSTING) {
                        throw conflict(m, s + "; a model can be stopped when it is HOSTED or STARTING_HOSTING");
                    }
                    String version = m.file().modelVersion();
                    state.put(name, m.withFile(m.file().withStatus(ModelStatus.STOPPING_HOSTING, STOPPING,
                            state.clock.instant())));
                    state.submit(() -> stop(name, version));
                    return StopModelResponse.builder().status(ModelHostingStatus.STOPPING_HOSTING).build();
                }));
    }

    DetectAnomaliesResponse detectAnomalies(DetectAnomaliesRequest request, RequestBody body) {
        ModelHost pool = state.read(() -> {
            Model m = state.model(request.projectName(), request.modelVersion());
            if (!RUNNING.contains(m.file().status()) || m.pool() == null) {
                throw conflict(m, m.file().status() + "; DetectAnomalies needs a HOSTED model (call StartModel)");
            }
            return m.pool();
        });
        return state.unlocked(() -> {
            byte[] bytes = body.contents().asByteArray();
            ImageFormat declared = switch (request.contentType()) {
                case "image/png" -> ImageFormat.PNG;
                case "image/jpeg" -> ImageFormat.JPEG;
                default -> throw new ValidationException("content-type must be one of the following. image/jpeg, image/png");
            };
            ImageFormat actual = ImageFormat.sniff(bytes);
            if (actual != null && actual != declared) {
                throw new ValidationException("The image is a " + actual + " but the content type is "
                        + request.contentType() + ".");
            }
            EdgeResult d;
            try {
                d = pool.detect(bytes);
            } catch (InvalidImageException e) {
                throw new ValidationException("The image cannot be used: " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                // The pool closed under this call: the model was stopped meanwhile.
                throw new ConflictException("Model " + request.projectName() + "/" + request.modelVersion()
                        + " was stopped while the image was being analysed.", request.modelVersion(), ResourceType.MODEL);
            }
            return DetectAnomaliesResponse.builder().detectAnomalyResult(result(d)).build();
        });
    }

    /**
     * Hosting is runtime state: after a restart, models that were hosted are TRAINED again, or,
     * when {@code restart} is set, started again with the inference units they had.
     */
    void recover(boolean restart) {
        state.commit(() -> {
            for (var p : state.projects.entrySet()) {
                for (Model m : List.copyOf(p.getValue().models().values())) {
                    ModelFile f = m.file();
                    if (!HOSTING_STATES.contains(f.status())) {
                        continue;
                    }
                    if (restart && f.status() != ModelStatus.STOPPING_HOSTING && f.minInferenceUnits() != null) {
                        start(p.getKey(), m, f.minInferenceUnits(), f.maxInferenceUnits());
                    } else {
                        state.put(p.getKey(), m.withFile(f.withInferenceUnits(null, null).withStatus(ModelStatus.TRAINED,
                                "The process stopped while the model was hosted; start it again to host it.",
                                state.clock.instant())));
                    }
                }
            }
            return null;
        });
    }

    /** Stops every hosted model (the facade is closing). */
    void stopAll() {
        for (Project p : state.projects.values()) {
            for (Model m : p.models().values()) {
                if (m.pool() != null) {
                    m.pool().close();
                }
            }
        }
    }

    private void start(String project, Model m, int min, Integer max) {
        String version = m.file().modelVersion();
        state.put(project, m.withFile(m.file().withInferenceUnits(min, max)
                .withStatus(ModelStatus.STARTING_HOSTING, STARTING, state.clock.instant())));
        state.submit(() -> host(project, version));
    }

    private void host(String project, String version) {
        ModelHost pool;
        try {
            Path archive = state.workspace.modelArchive(project, version);
            ModelFile f = state.inspect(() -> state.model(project, version).file());
            int min = f.minInferenceUnits();
            pool = ModelHost.open(Files.readAllBytes(archive), archive.toString(), min,
                    f.maxInferenceUnits() == null ? min : Math.max(min, f.maxInferenceUnits()));
        } catch (IOException | RuntimeException e) {
            state.commit(() -> {
                Model m = state.model(project, version);
                if (m.file().status() == ModelStatus.STARTING_HOSTING) {
                    state.put(project, m.withFile(m.file().withStatus(ModelStatus.HOSTING_FAILED,
                            "The model could not be hosted: " + e.getMessage(), state.clock.instant())));
                }
                return null;
            });
            return;
        }
        boolean kept = state.commit(() -> {
            Model m = state.model(project, version);
            if (m.file().status() != ModelStatus.STARTING_HOSTING) {
                return false; // stopped while starting
            }
            state.put(project, new Model(m.file().withStatus(ModelStatus.HOSTED, HOSTED, state.clock.instant()), pool));
            return true;
        });
        if (!kept) {
            pool.close();
        }
    }

    private void stop(String project, String version) {
        ModelHost pool = state.commit(() -> {
            Model m = state.model(project, version);
            if (m.file().status() != ModelStatus.STOPPING_HOSTING) {
                return null;
            }
            state.put(project, new Model(m.file().withInferenceUnits(null, null)
                    .withStatus(ModelStatus.TRAINED, Models.TRAINED, state.clock.instant()), null));
            return m.pool();
        });
        if (pool != null) {
            // Waits for detections in flight to finish, outside the lock.
            pool.close();
        }
    }

    /** The service's shape: segmentation models add the anomalies (background first) and the mask. */
    private static DetectAnomalyResult result(EdgeResult d) {
        DetectAnomalyResult.Builder b = DetectAnomalyResult.builder().source(s -> s.type("direct"))
                .isAnomalous(d.isAnomalous()).confidence((float) d.confidence());
        if (!d.anomalies().isEmpty()) {
            b.anomalies(d.anomalies().stream().map(a -> Anomaly.builder().name(a.name()).pixelAnomaly(p -> p
                    .totalPercentageArea((float) a.totalPercentageArea()).color(a.color())).build()).toList());
        }
        if (d.anomalyMask() != null) {
            b.anomalyMask(SdkBytes.fromByteArray(d.anomalyMask()));
        }
        return b.build();
    }

    private static ConflictException conflict(Model m, String why) {
        return new ConflictException("Model " + m.file().modelArn() + " is " + why + ".", m.file().modelVersion(),
                ResourceType.MODEL);
    }
}
