package dev.loupe.engine.model;

/** How a model turns the network's outputs into an anomaly score. */
public enum ScoringMode {
    /** Trained on labelled anomalies: a smooth maximum of the cell logits ({@code Architecture.imageScore}). */
    SUPERVISED,
    /** Normal images only: the same smooth maximum over nearest-neighbour distances to the normal patch memory. */
    PATCH_MEMORY
}
