package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** The device a model packaging job compiles a model for, instead of a {@link TargetPlatform}. */
public enum TargetDevice {
    JETSON_XAVIER("jetson_xavier"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    TargetDevice(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static TargetDevice fromValue(String value) {
        return Enums.fromValue(TargetDevice.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<TargetDevice> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
