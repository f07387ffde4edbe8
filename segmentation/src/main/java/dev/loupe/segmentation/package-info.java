/**
 * Image segmentation models on top of the engine: per-class anomaly masks, areas and colours.
 * Empty until the segmentation issue lands.
 */
package dev.loupe.segmentation;
