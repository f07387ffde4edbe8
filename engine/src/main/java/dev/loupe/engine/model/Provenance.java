package dev.loupe.engine.model;

import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from, enough to reproduce it: the data (a hash over every image's bytes and
 * label, and the counts), the seed and configuration, and the software and machine.
 *
 * @param datasetHash    SHA-256 over the training images' references, labels and content hashes
 * @param trainNormal    normal images trained on
 * @param trainAnomalous anomalous images trained on
 * @param validationNormal    normal images calibrated on
 * @param validationAnomalous anomalous images calibrated on
 * @param seed           the seed
 * @param config         the training configuration, as text
 * @param environment    library, Java, OS and backend versions
 * @param trainSeconds   wall time of training, data preparation included
 */
public record Provenance(String datasetHash, int trainNormal, int trainAnomalous, int validationNormal,
                         int validationAnomalous, long seed, String config, Map<String, String> environment,
                         double trainSeconds) {
    public Provenance {
        Objects.requireNonNull(datasetHash, "datasetHash");
        Objects.requireNonNull(config, "config");
        environment = Map.copyOf(environment);
    }
}
