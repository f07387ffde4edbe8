package dev.loupe.cli;

/**
 * A failure the command explains in one sentence and ends with a chosen exit code, without a
 * stack trace (the service's own errors are {@link dev.loupe.api.model.LookoutVisionException}s).
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad input or an operation that ended in a failure state: exit code 1. */
    static CommandFailure of(String message) {
        return new CommandFailure(Loupe.BAD_INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
