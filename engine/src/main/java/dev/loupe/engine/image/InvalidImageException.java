package dev.loupe.engine.image;

import java.util.Objects;

/**
 * Image bytes that cannot be used: not PNG or JPEG, outside the limits, or damaged. The message
 * is written for the person who supplied the image; {@link #reason()} is for code.
 */
public final class InvalidImageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why an image was refused. */
    public enum Reason {
        /** Neither PNG nor JPEG, whatever the name or content type says. */
        UNSUPPORTED_FORMAT,
        /** More bytes than the limit. */
        TOO_MANY_BYTES,
        /** A side below or above the limits. */
        BAD_DIMENSIONS,
        /** Truncated, corrupt or otherwise undecodable. */
        CORRUPT
    }

    private final Reason reason;

    public InvalidImageException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public InvalidImageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
