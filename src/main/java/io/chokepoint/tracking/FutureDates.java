package io.chokepoint.tracking;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Dates more than a year after today are almost always a mistyped year (2062 for 2026). They are refused at import
 * and on edits, unless they are {@code allowed} ({@code --allow-future}), when they are only warned about.
 *
 * @param today   the day the input is checked
 * @param allowed whether such dates are accepted with a warning instead of refused
 */
public record FutureDates(LocalDate today, boolean allowed) {

    /** The date columns of the tracker's tables, whichever table has them. */
    public static final Set<String> COLUMNS = Set.of("date", "status_as_of", "announced_on", "published_on");

    public FutureDates {
        Objects.requireNonNull(today, "today");
    }

    /** The last date accepted without {@code --allow-future}. */
    public LocalDate latest() {
        return today.plusYears(1);
    }

    public String problem(String value) {
        return "'" + value + "' is more than a year in the future (after " + latest() + "): check the year"
                + (allowed ? "; accepted (--allow-future)" : ", or give --allow-future if it is meant");
    }

    /** The given values (by column) that are dates after {@link #latest()}, named by their label. */
    public List<DataProblem> find(Map<String, String> values, UnaryOperator<String> label) {
        List<DataProblem> found = new ArrayList<>();
        values.forEach((column, value) -> {
            if (COLUMNS.contains(column) && value != null) {
                try {
                    if (LocalDate.parse(value.strip()).isAfter(latest())) {
                        found.add(DataProblem.inOption(label.apply(column), problem(value.strip())));
                    }
                } catch (DateTimeParseException e) {
                    // not a date: the field's own check says so
                }
            }
        });
        return found;
    }
}
