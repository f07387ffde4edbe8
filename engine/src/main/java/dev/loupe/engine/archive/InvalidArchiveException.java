package dev.loupe.engine.archive;

/** A model archive that cannot be loaded: damaged, incomplete, or of a newer format. */
public final class InvalidArchiveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidArchiveException(String message) {
        super(message);
    }

    public InvalidArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
