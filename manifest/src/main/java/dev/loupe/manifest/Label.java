package dev.loupe.manifest;

/**
 * The image-level label of a manifest line, decided by {@code class-name} alone: the label value
 * itself is required but ignored, as the service did.
 */
public enum Label {
    NORMAL,
    ANOMALY,
    /** Any {@code class-name} other than {@code normal} or {@code anomaly}; ignored in training. */
    UNLABELED;

    /** The service's rule: exactly {@code normal} or {@code anomaly}, anything else is unlabeled. */
    public static Label ofClassName(String className) {
        return switch (className) {
            case "normal" -> NORMAL;
            case "anomaly" -> ANOMALY;
            default -> UNLABELED;
        };
    }

    /** The value the service writes into its output manifest for this label. */
    public int labelValue() {
        return this == ANOMALY ? 1 : 0;
    }

    /** The {@code class-name} written for this label. */
    public String className() {
        return switch (this) {
            case NORMAL -> "normal";
            case ANOMALY -> "anomaly";
            case UNLABELED -> "unlabeled";
        };
    }
}
