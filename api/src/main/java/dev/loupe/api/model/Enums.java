package dev.loupe.api.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The AWS SDK's enum conventions: a wire value per constant, unknown values kept apart. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E fromValue(Class<E> type, String value, E unknown) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e != unknown && e.toString().equals(value)) {
                return e;
            }
        }
        return unknown;
    }

    /** The wire values of {@code known}, in its order: the set a validation message lists. */
    static Set<String> wireValues(Collection<? extends Enum<?>> known) {
        Set<String> values = new LinkedHashSet<>();
        for (Enum<?> e : known) {
            values.add(e.toString());
        }
        return Collections.unmodifiableSet(values);
    }
}
