package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A country's total for a stage and year from a published source. {@code valueTpa} and {@code unit} are null on
 * share-only rows.
 *
 * @param sharePercent the published percentage share the row states (the data files write it in the notes as
 *                     {@code share_pct=<number>;}, and the import types it), or null
 * @param publishedOn  when the figure became public; null when unknown (a report may then always use it)
 * @param reeGroup     which rare earths the figure covers: null for all of them, or {@code light}, {@code heavy},
 *                     {@code both}; a set, a share and a row's identity are per group
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
        String notes,
        Double sharePercentValue,
        LocalDate publishedOn,
        String reeGroup) {

    public Baseline {
        reeGroup = reeGroup == null || reeGroup.isBlank() ? null : reeGroup;
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(stage, "stage");
        if (valueTpa != null && (valueTpa < 0 || unit == null || unit.isBlank())) {
            throw new IllegalArgumentException("a baseline value needs a non-negative number and a unit");
        }
        if (sharePercentValue != null && !(sharePercentValue >= 0 && sharePercentValue <= 100)) {
            throw new IllegalArgumentException("a share must be a percentage from 0 to 100, was " + sharePercentValue);
        }
    }

    /** A row of the earlier format: all rare earths. */
    public Baseline(Country country, ChainStage stage, int year, Double valueTpa, String unit, String basis,
                    String source, String confidence, String notes, Double sharePercentValue, LocalDate publishedOn) {
        this(country, stage, year, valueTpa, unit, basis, source, confidence, notes, sharePercentValue, publishedOn,
                null);
    }

    /** Whether the figure covers all rare earths (no {@code ree_group}): only such rows make a stage's share. */
    public boolean allRareEarths() {
        return reeGroup == null;
    }

    public boolean hasValue() {
        return valueTpa != null;
    }

    /** The published percentage share, where the row states one. */
    public OptionalDouble sharePercent() {
        return sharePercentValue == null ? OptionalDouble.empty() : OptionalDouble.of(sharePercentValue);
    }

    /** Whether a report dated {@code day} may cite this figure: it was public by then (or its date is unknown). */
    public boolean publishedBy(LocalDate day) {
        return publishedOn == null || !publishedOn.isAfter(day);
    }
}
