package dev.loupe.api.model;

/**
 * The facade failed for a reason that is not the caller's (HTTP 500): an I/O error on the
 * workspace, a bug. The cause is attached.
 */
public final class InternalServerException extends LookoutVisionException {
    private final Integer retryAfterSeconds;

    public InternalServerException(String message, Throwable cause) {
        super(message, 500, cause);
        this.retryAfterSeconds = null;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
