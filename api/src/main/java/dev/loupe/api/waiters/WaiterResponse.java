package dev.loupe.api.waiters;

import java.util.Objects;
import java.util.Optional;

/**
 * How a wait ended: the response (or, for waits on deletion, the not-found exception) that
 * matched the success condition, and how many Describe calls it took.
 *
 * @param matched           the response or exception that ended the wait
 * @param attemptsExecuted  the number of Describe calls made
 * @param <T>               the Describe response type
 */
public record WaiterResponse<T>(ResponseOrException<T> matched, int attemptsExecuted) {
    public WaiterResponse {
        Objects.requireNonNull(matched, "matched");
    }

    /**
     * Exactly one of a response and an exception.
     *
     * @param <T> the response type
     */
    public record ResponseOrException<T>(Optional<T> response, Optional<Throwable> exception) {
        public ResponseOrException {
            if (response.isPresent() == exception.isPresent()) {
                throw new IllegalArgumentException("exactly one of response and exception");
            }
        }

        static <T> ResponseOrException<T> response(T value) {
            return new ResponseOrException<>(Optional.of(value), Optional.empty());
        }

        static <T> ResponseOrException<T> exception(Throwable e) {
            return new ResponseOrException<>(Optional.empty(), Optional.of(e));
        }
    }
}
