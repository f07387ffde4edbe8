package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** The accelerator of a {@link TargetPlatform}. */
public enum TargetPlatformAccelerator {
    NVIDIA("NVIDIA"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    TargetPlatformAccelerator(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static TargetPlatformAccelerator fromValue(String value) {
        return Enums.fromValue(TargetPlatformAccelerator.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<TargetPlatformAccelerator> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
