/**
 * Segmentation models on disk, in the model archive format every Loupe model shares (the
 * engine's {@link dev.loupe.engine.archive.ArchiveContainer}: entries with checksums and a format
 * version), with {@code modelType} {@code segmentation} in {@code model.json}.
 */
package dev.loupe.segmentation.archive;
