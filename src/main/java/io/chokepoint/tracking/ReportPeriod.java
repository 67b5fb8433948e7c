package io.chokepoint.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/** A reporting month; everything in its report is as of its last day. */
public record ReportPeriod(YearMonth month) implements Comparable<ReportPeriod> {

    private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

    public ReportPeriod {
        Objects.requireNonNull(month, "month");
    }

    /** Parses {@code YYYY-MM}; the message says what was wrong and the expected form. */
    public static ReportPeriod parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("period '" + text + "' is not of the form YYYY-MM, e.g. 2026-01");
        }
        try {
            return new ReportPeriod(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "period '" + text + "' is not a valid month: expected YYYY-MM with MM from 01 to 12, e.g. 2026-01");
        }
    }

    /** The last complete calendar month at the clock's current date. */
    public static ReportPeriod lastComplete(Clock clock) {
        return new ReportPeriod(YearMonth.now(clock).minusMonths(1));
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public int year() {
        return month.getYear();
    }

    public ReportPeriod previous() {
        return new ReportPeriod(month.minusMonths(1));
    }

    public ReportPeriod next() {
        return new ReportPeriod(month.plusMonths(1));
    }

    /** Long form for headings, e.g. "January 2026". */
    public String title() {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH));
    }

    @Override
    public int compareTo(ReportPeriod other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
