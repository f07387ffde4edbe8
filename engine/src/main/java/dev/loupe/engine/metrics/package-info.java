/**
 * Detection metrics as small pure functions: {@link dev.loupe.engine.metrics.Confusion} counts and
 * the precision, recall and F1 the service reported (zero when a denominator is zero), and
 * {@link dev.loupe.engine.metrics.Ranking} for threshold-free ROC AUC and average precision.
 * Positive means anomalous. Tests check them against naive reference implementations.
 */
package dev.loupe.engine.metrics;
