/**
 * Models at the edge: the artifact a model packaging job writes (the model archive and a small
 * runtime description, zipped) and {@link dev.loupe.segmentation.edge.EdgeDetector}, which loads
 * one in a plain JVM with the engine and segmentation jars alone (no workspace, no facade) and
 * answers in the shape of DetectAnomalies.
 */
package dev.loupe.segmentation.edge;
