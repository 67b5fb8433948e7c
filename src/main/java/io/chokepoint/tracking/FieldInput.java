package io.chokepoint.tracking;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Column values given outside a file (on the command line), keyed by CSV column name, with the name under which
 * each column was given, so that a problem names the option instead of the column.
 */
public record FieldInput(Map<String, String> values, UnaryOperator<String> label) {
    public FieldInput {
        values = Map.copyOf(values);
        Objects.requireNonNull(label, "label");
    }
}
