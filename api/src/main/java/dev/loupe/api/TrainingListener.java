package dev.loupe.api;

import dev.loupe.engine.model.TrainingProgress;

/**
 * Hears training progress of every model the facade trains: stage, epoch, loss, elapsed time and
 * an estimate of the time left. Called on the training thread; keep it quick.
 *
 * <pre>{@code
 * LookoutVision.builder().workspace(dir)
 *         .trainingListener((project, version, p) -> System.err.println(project + "/" + version + " " + p))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TrainingListener {
    void onProgress(String projectName, String modelVersion, TrainingProgress progress);
}
