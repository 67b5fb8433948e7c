package io.chokepoint.tracking;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How precise a date is: a day, or only its month, quarter or year (the date is then that period's first day). A
 * fact takes effect on its first day, but is news only once the whole month, quarter or year it names has passed.
 */
public enum DatePrecision {
    DAY, MONTH, QUARTER, YEAR;

    private static final Codes<DatePrecision> CODES = Codes.of(values(), "date precision");

    public String code() {
        return CODES.code(this);
    }

    /** The precision named by {@code code}; empty or null means a day date. */
    public static DatePrecision fromCode(String code) {
        if (code == null || code.isBlank()) {
            return DAY;
        }
        return CODES.parse(code);
    }

    /** The last day of the month, quarter or year that {@code date} (its first day) stands for. */
    public LocalDate end(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 3)
                    .with(TemporalAdjusters.lastDayOfMonth());
            case YEAR -> date.with(TemporalAdjusters.lastDayOfYear());
        };
    }

    /** How a report names the date: "2025-12-12", "in December 2025", "in Q3 2025", "during 2025". */
    public String label(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case MONTH -> "in " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + " " + date.getYear();
            case QUARTER -> "in Q" + ((date.getMonthValue() - 1) / 3 + 1) + " " + date.getYear();
            case YEAR -> "during " + date.getYear();
        };
    }
}
