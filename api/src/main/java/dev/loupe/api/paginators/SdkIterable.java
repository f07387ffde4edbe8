package dev.loupe.api.paginators;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** An {@link Iterable} that also streams, as the AWS SDK's {@code SdkIterable}. */
@FunctionalInterface
public interface SdkIterable<T> extends Iterable<T> {
    default Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
