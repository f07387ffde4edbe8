/**
 * The facade's durable state, as plain files a person can read: one folder per project, a JSON
 * descriptor per project and dataset, dataset entries as JSON Lines, client tokens as JSON.
 *
 * <p>What it promises: every write is atomic (temporary file, fsync, rename, fsync of the
 * folder), so a process killed at any point leaves each file either as it was or as it was
 * going to be; a dataset's entries live in a numbered generation file that its descriptor names,
 * so an update becomes visible in the single rename of the descriptor; a status is recorded
 * before and after each asynchronous step, and {@link dev.loupe.api.workspace.Workspace#open}
 * turns whatever a crash interrupted into a failed (or rolled back) status with a message. A lock
 * file keeps a second process from writing the same workspace.
 *
 * <p>Internal to the api module: not part of the facade's public surface. Not thread-safe; the
 * facade serialises writers.
 */
package dev.loupe.api.workspace;
