package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a model is in its lifecycle, as DescribeModel and ListModels report it. */
public enum ModelStatus {
    TRAINING("TRAINING"),
    TRAINED("TRAINED"),
    TRAINING_FAILED("TRAINING_FAILED"),
    STARTING_HOSTING("STARTING_HOSTING"),
    HOSTED("HOSTED"),
    HOSTING_FAILED("HOSTING_FAILED"),
    STOPPING_HOSTING("STOPPING_HOSTING"),
    SYSTEM_UPDATING("SYSTEM_UPDATING"),
    DELETING("DELETING"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ModelStatus(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static ModelStatus fromValue(String value) {
        return Enums.fromValue(ModelStatus.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<ModelStatus> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
