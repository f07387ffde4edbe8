package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** The processor architecture of a {@link TargetPlatform}. */
public enum TargetPlatformArch {
    ARM64("ARM64"),
    X86_64("X86_64"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    TargetPlatformArch(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static TargetPlatformArch fromValue(String value) {
        return Enums.fromValue(TargetPlatformArch.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<TargetPlatformArch> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
