package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a model's hosting is, as StartModel and StopModel report it. */
public enum ModelHostingStatus {
    STARTING_HOSTING("STARTING_HOSTING"),
    HOSTED("HOSTED"),
    HOSTING_FAILED("HOSTING_FAILED"),
    STOPPING_HOSTING("STOPPING_HOSTING"),
    SYSTEM_UPDATING("SYSTEM_UPDATING"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ModelHostingStatus(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static ModelHostingStatus fromValue(String value) {
        return Enums.fromValue(ModelHostingStatus.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<ModelHostingStatus> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
