package dev.loupe.api.waiters;

/**
 * A wait that did not succeed: the resource reached a failure status (the message quotes its
 * StatusMessage), or it did not settle within the waiter's time limit. Like the AWS SDK's
 * waiter failures, this is a client-side error, outside the service's exception hierarchy.
 */
public final class WaiterException extends RuntimeException {
    private final transient Object lastResponse;

    WaiterException(String message, Object lastResponse) {
        super(message);
        this.lastResponse = lastResponse;
    }

    /** The last Describe response seen, or null when none came back. */
    public Object lastResponse() {
        return lastResponse;
    }
}
