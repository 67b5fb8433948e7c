package io.chokepoint.tracking;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lists the codes of a vocabulary for error messages. */
final class Codes {
    private Codes() {
    }

    static <T> String list(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).collect(Collectors.joining(", "));
    }
}
