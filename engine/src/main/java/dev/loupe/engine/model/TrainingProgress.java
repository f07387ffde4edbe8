package dev.loupe.engine.model;

import java.time.Duration;

/**
 * One step of a training run, for progress bars and status messages.
 *
 * @param stage     what is happening
 * @param epoch     the epoch just finished (0 outside the training stage)
 * @param epochs    the epochs planned
 * @param loss      the training loss at that epoch's first batch (NaN outside the training stage)
 * @param elapsed   time since training started
 * @param remaining the estimated time to the end of the training stage
 * @param fraction  0..1 of the whole run done
 */
public record TrainingProgress(Stage stage, int epoch, int epochs, double loss, Duration elapsed, Duration remaining,
                               double fraction) {
    /** The stages of a run, in order. */
    public enum Stage { PREPARING, TRAINING, MEMORY, CALIBRATING, DONE }

    /** Receives progress; called on the training thread, so it should return quickly. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(TrainingProgress progress);

        Listener NONE = p -> { };
    }
}
