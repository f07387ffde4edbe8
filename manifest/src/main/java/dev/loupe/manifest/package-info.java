/**
 * SageMaker Ground Truth JSON Lines manifests as Amazon Lookout for Vision read them.
 *
 * <p>{@link dev.loupe.manifest.ManifestReader} streams a manifest line by line (a 1 GB manifest is
 * never held whole) and yields either a validated {@link dev.loupe.manifest.ManifestEntry} or an
 * {@link dev.loupe.manifest.InvalidLine} naming file, line and field of every problem.
 * {@link dev.loupe.manifest.Manifest#read} collects a whole manifest with the service's
 * duplicate rule (the last line for a source-ref wins) and project-wide checks.
 * {@link dev.loupe.manifest.ManifestWriter} writes lines the reader reads back equal, and
 * {@link dev.loupe.manifest.ImageLocator} turns references ({@code s3://}, {@code file:}, relative
 * paths) into local files without ever leaving the folders it was given.
 *
 * <p>This package knows JSON, not pixels: it never opens an image. All types are immutable and
 * thread-safe except the reader and writer, which belong to one thread.
 */
package dev.loupe.manifest;
