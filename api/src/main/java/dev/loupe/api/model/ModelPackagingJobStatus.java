package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a model packaging job is, as DescribeModelPackagingJob and ListModelPackagingJobs report it. */
public enum ModelPackagingJobStatus {
    CREATED("CREATED"),
    RUNNING("RUNNING"),
    SUCCEEDED("SUCCEEDED"),
    FAILED("FAILED"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ModelPackagingJobStatus(String value) {
        this.value = value;
    }

    /** The constant for {@code value}; {@link #UNKNOWN_TO_SDK_VERSION} for anything else. */
    public static ModelPackagingJobStatus fromValue(String value) {
        return Enums.fromValue(ModelPackagingJobStatus.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<ModelPackagingJobStatus> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
