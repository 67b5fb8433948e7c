package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Source lists as the data README writes them ({@code Publication YYYY-MM-DD URL ; …}, a date may be
 * {@code YYYY-MM}, {@code YYYY} or {@code n.d.}). A report never cites a source dated after its period.
 */
public final class Sources {

    // A date-like token: YYYY-MM-DD, YYYY-MM or YYYY.
    private static final Pattern DATE = Pattern.compile("(?:^|\\s)(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?(?=\\s|$)");

    private Sources() {
    }

    /** The items of {@code sources} dated on or before {@code day}; undated items stay. Null stays null. */
    public static String datedBy(String sources, LocalDate day) {
        if (sources == null) {
            return null;
        }
        return Arrays.stream(sources.split(" ; "))
                .filter(item -> !datedAfter(item, day))
                .collect(Collectors.joining(" ; "));
    }

    /** Whether an item's date (its first day: 2026-01 counts from 2026-01-01) is after {@code day}. */
    static boolean datedAfter(String item, LocalDate day) {
        String head = item.split("\\s+https?://", 2)[0];
        // The item's date is the last date-like token before its URL (a publication's name may hold a year).
        Matcher m = DATE.matcher(head);
        Matcher last = null;
        while (m.find()) {
            last = DATE.matcher(head);
            last.find(m.start());
        }
        if (last == null) {
            return false;
        }
        m = last;
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int date = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (month < 1 || month > 12 || date < 1 || date > 31) {
            return false;
        }
        return LocalDate.of(year, month, Math.min(date, java.time.YearMonth.of(year, month).lengthOfMonth()))
                .isAfter(day);
    }
}
