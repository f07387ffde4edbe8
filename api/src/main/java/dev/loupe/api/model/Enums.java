package dev.loupe.api.model;

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
}
