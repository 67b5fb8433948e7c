package io.chokepoint.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/** The fire times of a standard 5-field UNIX cron expression in one zone, as cron-utils computes them. */
final class CronTimes {

    static final String EXPECTED_FORM = "a 5-field UNIX cron expression (minute hour day-of-month month day-of-week),"
            + " e.g. '0 6 2 * *' for 06:00 on the 2nd of each month";

    /**
     * cron-utils has had DST bugs (issue #446) where the "next" execution is not after the given time; the loop
     * would then fire again at once, so such an answer is skipped, this many times at most.
     */
    private static final int STALLED_ANSWERS_TOLERATED = 3;

    private final String expression;
    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronTimes(String expression, ExecutionTime executionTime, ZoneId zone) {
        this.expression = expression;
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /**
     * Parses {@code expression}.
     *
     * @throws IllegalArgumentException naming the expression and the expected form, if it does not parse or
     *                                  matches no date at all (such as the 30th of February)
     */
    static CronTimes parse(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "cron");
        Objects.requireNonNull(zone, "zone");
        Cron cron;
        try {
            cron = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cron '" + expression + "' is not " + EXPECTED_FORM + " (" + e.getMessage() + ")", e);
        }
        ExecutionTime executionTime = ExecutionTime.forCron(cron);
        // A 5-field expression has no year field, so one with no fire after 1970 has none at all.
        if (executionTime.nextExecution(ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)).isEmpty()) {
            throw new IllegalArgumentException("cron '" + expression + "' matches no date, so it would never fire;"
                    + " expected " + EXPECTED_FORM);
        }
        return new CronTimes(expression, executionTime, zone);
    }

    /** The first fire strictly after {@code after}, in the zone. */
    ZonedDateTime nextAfter(Instant after) {
        ZonedDateTime from = after.atZone(zone);
        for (int attempt = 0; attempt <= STALLED_ANSWERS_TOLERATED; attempt++) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(from);
            if (next.isEmpty()) {
                break;
            }
            if (next.get().toInstant().isAfter(after)) {
                return next.get();
            }
            from = next.get();
        }
        throw new IllegalStateException("cron '" + expression + "' has no fire time after " + after.atZone(zone));
    }
}
