package io.chokepoint.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What {@code chokepoint schedule} was asked to do.
 *
 * @param cron    when to fire: a standard 5-field UNIX cron expression, read in {@code zone}. As cron-utils
 *                evaluates it, a local time that a DST change skips does not fire that day, and one it repeats
 *                fires once.
 * @param zone    the zone of the cron expression, and of the months: a fire on 1 March 00:30 in Tokyo runs February
 * @param catchUp the most months one fire runs; older missed months are skipped with a log line
 */
public record ScheduleSettings(String cron, ZoneId zone, int catchUp) {

    /** 06:00 on the 2nd of each month: the 1st is left for late data about the month just ended. */
    public static final String DEFAULT_CRON = "0 6 2 * *";
    public static final int DEFAULT_CATCH_UP = 3;

    private static final String ZONE_FORM = "a region ID such as Europe/Berlin, or UTC, or an offset such as +01:00";

    /** @throws IllegalArgumentException naming the bad value and the expected form */
    public ScheduleSettings {
        Objects.requireNonNull(zone, "zone");
        CronTimes.parse(cron, zone);
        if (catchUp < 1) {
            throw new IllegalArgumentException(
                    "catch-up " + catchUp + " is not a number of months of at least 1, e.g. " + DEFAULT_CATCH_UP);
        }
    }

    /**
     * Settings from command-line text.
     *
     * @param cron    a cron expression, or null for {@link #DEFAULT_CRON}
     * @param zone    a zone ID, or null for the system zone
     * @param catchUp at least 1; {@link #DEFAULT_CATCH_UP} is the usual choice
     * @throws IllegalArgumentException naming the bad value and the expected form
     */
    public static ScheduleSettings parse(String cron, String zone, int catchUp) {
        return new ScheduleSettings(cron == null ? DEFAULT_CRON : cron, zone == null ? ZoneId.systemDefault() : zoneId(zone),
                catchUp);
    }

    private static ZoneId zoneId(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + text + "' is not a time-zone ID: expected " + ZONE_FORM, e);
        }
    }
}
