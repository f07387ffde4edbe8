package dev.loupe.engine.model;

/** How a model turns the network's outputs into an anomaly score. */
public enum ScoringMode {
    /** Trained on labelled anomalies: the largest cell logit. */
    SUPERVISED,
    /** Normal images only: the largest nearest-neighbour distance to the normal patch memory. */
    PATCH_MEMORY
}
