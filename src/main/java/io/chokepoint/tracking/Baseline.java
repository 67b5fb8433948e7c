package io.chokepoint.tracking;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A country's total for a stage and year from a published source. {@code valueTpa} and {@code unit} are null on
 * share-only rows, whose share is written in the notes as {@code share_pct=<number>;}.
 */
public record Baseline(
        Country country,
        ChainStage stage,
        int year,
        Double valueTpa,
        String unit,
        String basis,
        String source,
        String confidence,
        String notes) {

    private static final Pattern SHARE = Pattern.compile("share_pct=([0-9]+(?:\\.[0-9]+)?)");

    public Baseline {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(stage, "stage");
        if (valueTpa != null && (valueTpa < 0 || unit == null || unit.isBlank())) {
            throw new IllegalArgumentException("a baseline value needs a non-negative number and a unit");
        }
    }

    public boolean hasValue() {
        return valueTpa != null;
    }

    /** The published percentage share, where the notes record one. */
    public OptionalDouble sharePercent() {
        if (notes == null) {
            return OptionalDouble.empty();
        }
        Matcher m = SHARE.matcher(notes);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
