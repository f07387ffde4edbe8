/**
 * The model archive: a zip holding the network weights, the patch memory when there is one, and
 * a JSON description (model type, input size, normalisation, calibration, classes, metrics,
 * provenance), all covered by SHA-256 checksums and a format version. Loading checks both and
 * refuses a damaged archive, or one written by a newer format, with a message that says which.
 * Never Java serialisation. Stateless, thread-safe.
 */
package dev.loupe.engine.archive;
