package dev.loupe.api.model;

/** The caller may not perform the action (HTTP 403). The local facade raises it for no request. */
public final class AccessDeniedException extends LookoutVisionException {
    public AccessDeniedException(String message) {
        super(message, 403, null);
    }
}
