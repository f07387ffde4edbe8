package dev.loupe.api.model;

/** Too many requests (HTTP 429); retry after {@link #retryAfterSeconds()}. */
public final class ThrottlingException extends LookoutVisionException {
    private final Integer retryAfterSeconds;

    public ThrottlingException(String message, Integer retryAfterSeconds) {
        super(message, 429, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String serviceCode() {
        return "lookoutvision";
    }
}
