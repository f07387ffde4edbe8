/**
 * Dataset contents: reading a Ground Truth manifest (or UpdateDatasetEntries' changes) into
 * entries, checking every line and every image it names before anything is stored, merging
 * changes by {@code source-ref}, and the filters of ListDatasetEntries.
 *
 * <p>What it promises: an import either yields entries that all passed, or fails with a message
 * naming the file, line and field of each problem (the first few of them). Stateless;
 * thread-safe.
 */
package dev.loupe.api.dataset;
