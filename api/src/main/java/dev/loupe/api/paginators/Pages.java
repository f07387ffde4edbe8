package dev.loupe.api.paginators;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The paging loop shared by every paginator: call with the token, hand out the page, stop when
 * a page comes back without a next token.
 *
 * @param <R> the response type
 */
final class Pages<R> implements Iterator<R> {
    private final Function<String, R> call;
    private final Function<R, String> nextToken;
    private String token;
    private boolean first = true;

    Pages(Function<String, R> call, Function<R, String> nextToken, String startToken) {
        this.call = call;
        this.nextToken = nextToken;
        this.token = startToken;
    }

    @Override
    public boolean hasNext() {
        return first || (token != null && !token.isEmpty());
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        first = false;
        R page = call.apply(token);
        token = nextToken.apply(page);
        return page;
    }

    /** The items of every page, in order, fetching pages as needed. */
    static <R, T> Iterator<T> items(Iterator<R> pages, Function<R, List<T>> itemsOf) {
        return new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && pages.hasNext()) {
                    current = itemsOf.apply(pages.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
