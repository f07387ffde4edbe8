/**
 * Evaluating a trained model on test images, and the service's output files: the evaluation
 * manifest (one JSON line per test image, the ground truth plus {@code anomaly-label-detected})
 * and the evaluation result JSON. Pure functions over detections.
 */
package dev.loupe.engine.evaluation;
