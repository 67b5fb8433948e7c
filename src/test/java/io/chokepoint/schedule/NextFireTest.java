package io.chokepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NextFireTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void midMonth_isThe2ndOfTheNextMonth_acrossTheYearEnd() {
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-12-15T12:00"))
                .isEqualTo(ZonedDateTime.parse("2027-01-02T06:00+01:00[Europe/Berlin]"));
    }

    @Test
    void exactlyAtAFire_isTheFireAMonthLater() {
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-12-02T06:00"))
                .isEqualTo(ZonedDateTime.parse("2027-01-02T06:00+01:00[Europe/Berlin]"));
    }

    @Test
    void acrossTheSpringDstChange_keeps06LocalSoMovesAnHourEarlierInUtc() {
        // Berlin goes from +01:00 to +02:00 on 2026-03-29.
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-03-15T12:00").toInstant())
                .isEqualTo(Instant.parse("2026-04-02T04:00:00Z"));
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-02-15T12:00").toInstant())
                .isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    }

    @Test
    void acrossTheAutumnDstChange_keeps06LocalSoMovesAnHourLaterInUtc() {
        // Berlin goes from +02:00 back to +01:00 on 2026-10-25.
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-10-15T12:00"))
                .isEqualTo(ZonedDateTime.parse("2026-11-02T06:00+01:00[Europe/Berlin]"));
        assertThat(nextFire(ScheduleSettings.DEFAULT_CRON, "2026-10-15T12:00").toInstant())
                .isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
    }

    @Test
    void localTimeSkippedBySpringDstChange_doesNotFireThatDay() {
        // 02:30 does not exist in Berlin on 2026-03-29; cron-utils skips it rather than firing at 03:00 as Vixie cron does.
        assertThat(nextFire("30 2 * * *", "2026-03-28T03:00"))
                .isEqualTo(ZonedDateTime.parse("2026-03-30T02:30+02:00[Europe/Berlin]"));
    }

    @Test
    void localTimeRepeatedByAutumnDstChange_firesOnce() {
        // 02:30 happens twice in Berlin on 2026-10-25 (+02:00, then +01:00); only the first fires.
        ZonedDateTime first = nextFire("30 2 * * *", "2026-10-25T00:00");
        assertThat(first).isEqualTo(ZonedDateTime.parse("2026-10-25T02:30+02:00[Europe/Berlin]"));
        assertThat(schedule("30 2 * * *").nextFire(first.toInstant()))
                .isEqualTo(ZonedDateTime.parse("2026-10-26T02:30+01:00[Europe/Berlin]"));
    }

    private static ZonedDateTime nextFire(String cron, String berlinLocalTime) {
        return schedule(cron).nextFire(LocalDateTime.parse(berlinLocalTime).atZone(BERLIN).toInstant());
    }

    private static MonthlySchedule schedule(String cron) {
        return new MonthlySchedule(new ScheduleSettings(cron, BERLIN, 3), Optional::empty,
                period -> RunResult.completed("unused"), Clock.systemUTC(), wakeAt -> { });
    }
}
