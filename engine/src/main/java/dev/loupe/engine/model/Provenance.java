package dev.loupe.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;

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

    /** Every labelled image training read: those trained on and those calibrated on. */
    public int images() {
        return trainNormal + trainAnomalous + validationNormal + validationAnomalous;
    }

    /** SHA-256 over the images' references, labels and content hashes, training part then calibration part. */
    public static String datasetHash(List<LabeledImage> fit, List<LabeledImage> calibrate) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (List<LabeledImage> part : List.of(fit, calibrate)) {
                for (LabeledImage i : part) {
                    sha.update((i.entry().sourceRef() + '\t' + i.label() + '\t' + i.contentHash() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /** The library, Java, OS and backend versions and the core count of this process. */
    public static Map<String, String> currentEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        String version = Provenance.class.getPackage().getImplementationVersion();
        env.put("loupe", version == null ? "development" : version);
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        env.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return env;
    }
}
