package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** The operating system of a {@link TargetPlatform}. */
public enum TargetPlatformOs {
    LINUX("LINUX"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    TargetPlatformOs(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static TargetPlatformOs fromValue(String value) {
        return Enums.fromValue(TargetPlatformOs.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<TargetPlatformOs> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
