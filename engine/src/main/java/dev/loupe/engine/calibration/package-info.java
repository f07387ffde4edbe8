/**
 * Turning raw anomaly scores into decisions: the threshold fitted on validation data, and the
 * score normalisation that puts it at 0.5. Both belong to the trained model. Immutable.
 */
package dev.loupe.engine.calibration;
