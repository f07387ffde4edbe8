package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** The kind of resource an error names. */
public enum ResourceType {
    PROJECT("PROJECT"),
    DATASET("DATASET"),
    MODEL("MODEL"),
    TRIAL("TRIAL"),
    MODEL_PACKAGE_JOB("MODEL_PACKAGE_JOB"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ResourceType(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static ResourceType fromValue(String value) {
        return Enums.fromValue(ResourceType.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<ResourceType> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
