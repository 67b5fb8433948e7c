package io.chokepoint.tracking;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The codes of an enum's values as the tracker data writes them: each value's name in lower case
 * ({@code under_construction}). Built once per enum; looking a code up is a loop over a handful of strings, as every
 * row read looks codes up, millions of times in a large report. Thread-safe (immutable).
 *
 * @param <E> the enum
 */
final class Codes<E extends Enum<E>> {

    private final String noun;
    private final E[] values;
    private final String[] codes;

    private Codes(E[] values, String noun) {
        this.noun = noun;
        this.values = values.clone();
        this.codes = Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new);
    }

    /** The vocabulary of {@code values}, whose problems name it as {@code noun} ("unknown stage 'x'"). */
    static <E extends Enum<E>> Codes<E> of(E[] values, String noun) {
        return new Codes<>(values, noun);
    }

    String code(E value) {
        return codes[value.ordinal()];
    }

    /** The value whose code is {@code code}; an unknown code is refused with every known one. */
    E parse(String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("unknown " + noun + " '" + code + "', expected one of "
                + String.join(", ", codes));
    }

    /** Lists the codes of a vocabulary for error messages. */
    static <T> String list(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
    }
}
