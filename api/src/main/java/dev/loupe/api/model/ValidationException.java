package dev.loupe.api.model;

/**
 * A request broke a constraint of the API (HTTP 400), with the service's message, e.g.
 * {@code 1 validation error detected: Value 'a b' at 'projectName' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: [a-zA-Z0-9][a-zA-Z0-9_\-]*}.
 */
public final class ValidationException extends LookoutVisionException {
    public ValidationException(String message) {
        super(message, 400, null);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, 400, cause);
    }
}
