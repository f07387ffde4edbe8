package dev.loupe.api.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a dataset is in its lifecycle (LOOKOUT_API §4.1). */
public enum DatasetStatus {
    CREATE_IN_PROGRESS("CREATE_IN_PROGRESS"),
    CREATE_COMPLETE("CREATE_COMPLETE"),
    CREATE_FAILED("CREATE_FAILED"),
    UPDATE_IN_PROGRESS("UPDATE_IN_PROGRESS"),
    UPDATE_COMPLETE("UPDATE_COMPLETE"),
    UPDATE_FAILED_ROLLBACK_IN_PROGRESS("UPDATE_FAILED_ROLLBACK_IN_PROGRESS"),
    UPDATE_FAILED_ROLLBACK_COMPLETE("UPDATE_FAILED_ROLLBACK_COMPLETE"),
    DELETE_IN_PROGRESS("DELETE_IN_PROGRESS"),
    DELETE_COMPLETE("DELETE_COMPLETE"),
    DELETE_FAILED("DELETE_FAILED"),
    /** A value this version does not know, as the AWS SDK represents one. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    DatasetStatus(String value) {
        this.value = value;
    }

    public static DatasetStatus fromValue(String value) {
        return Enums.fromValue(DatasetStatus.class, value, UNKNOWN_TO_SDK_VERSION);
    }

    public static Set<DatasetStatus> knownValues() {
        return EnumSet.complementOf(EnumSet.of(UNKNOWN_TO_SDK_VERSION));
    }

    /** True while an asynchronous step runs: the dataset accepts no update or delete. */
    public boolean inProgress() {
        return this == CREATE_IN_PROGRESS || this == UPDATE_IN_PROGRESS
                || this == UPDATE_FAILED_ROLLBACK_IN_PROGRESS || this == DELETE_IN_PROGRESS;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
