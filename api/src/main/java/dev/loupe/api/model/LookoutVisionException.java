package dev.loupe.api.model;

/**
 * Every error the facade raises: the service's seven error shapes, one subclass each, as the AWS
 * SDK's {@code LookoutVisionException} family. Unchecked.
 *
 * <pre>{@code
 * try {
 *     lv.describeProject(b -> b.projectName("missing"));
 * } catch (ResourceNotFoundException e) {
 *     e.resourceId();            // "missing"
 *     e.resourceType();          // ResourceType.PROJECT
 * }
 * }</pre>
 *
 * <p>Callers switch on the type, never on the message text.
 */
public abstract sealed class LookoutVisionException extends RuntimeException
        permits AccessDeniedException, ConflictException, InternalServerException,
        ResourceNotFoundException, ServiceQuotaExceededException, ThrottlingException,
        ValidationException {

    private final int statusCode;

    LookoutVisionException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status the service answered this error with (400, 404, 409, ...). */
    public int statusCode() {
        return statusCode;
    }

    /** The service's error code: the exception's shape name, e.g. {@code ConflictException}. */
    public String errorCode() {
        return getClass().getSimpleName();
    }
}
