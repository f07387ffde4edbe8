package dev.loupe.api.workspace;

import dev.loupe.api.model.DatasetStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A dataset's descriptor, {@code projects/<name>/datasets/<type>/dataset.json}: its status and
 * which generation file holds its entries.
 *
 * @param datasetType          {@code train} or {@code test}
 * @param creationTimestamp    when CreateDataset was called
 * @param lastUpdatedTimestamp when the status last changed
 * @param status               the lifecycle status
 * @param statusMessage        the message that goes with it
 * @param incarnation          a random id per CreateDataset, so page tokens of a deleted and
 *                             recreated dataset are refused
 * @param generation           the number of {@code entries-<n>.jsonl} holding the entries; 0: none
 * @param base                 the folder relative references of later updates resolve against
 *                             (the imported manifest's folder); null when there is none
 */
public record DatasetFile(String datasetType, Instant creationTimestamp, Instant lastUpdatedTimestamp,
                          DatasetStatus status, String statusMessage, String incarnation,
                          long generation, String base) {
    public DatasetFile {
        Objects.requireNonNull(datasetType, "datasetType");
        Objects.requireNonNull(creationTimestamp, "creationTimestamp");
        Objects.requireNonNull(lastUpdatedTimestamp, "lastUpdatedTimestamp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(incarnation, "incarnation");
    }

    /** The same dataset in another status, changed at {@code now}. */
    public DatasetFile withStatus(DatasetStatus newStatus, String message, Instant now) {
        return new DatasetFile(datasetType, creationTimestamp, now, newStatus, message, incarnation, generation, base);
    }

    /** The same dataset with its entries in generation {@code g}. */
    public DatasetFile withGeneration(long g) {
        return new DatasetFile(datasetType, creationTimestamp, lastUpdatedTimestamp, status, statusMessage,
                incarnation, g, base);
    }
}
