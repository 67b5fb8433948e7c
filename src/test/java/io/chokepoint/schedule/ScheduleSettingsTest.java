package io.chokepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ScheduleSettingsTest {

    @Test
    void nothingGiven_isTheDefaultCronInTheSystemZone() {
        assertThat(ScheduleSettings.parse(null, null, ScheduleSettings.DEFAULT_CATCH_UP))
                .isEqualTo(new ScheduleSettings("0 6 2 * *", ZoneId.systemDefault(), 3));
    }

    @Test
    void validText_isParsed() {
        assertThat(ScheduleSettings.parse("15 7 1 * *", "America/New_York", 6))
                .isEqualTo(new ScheduleSettings("15 7 1 * *", ZoneId.of("America/New_York"), 6));
    }

    @Test
    void cronWithFourFields_isRejectedNamingItAndTheExpectedForm() {
        assertThatThrownBy(() -> ScheduleSettings.parse("0 6 2 *", "UTC", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron '0 6 2 *' is not a 5-field UNIX cron expression"
                        + " (minute hour day-of-month month day-of-week), e.g. '0 6 2 * *'")
                .hasMessageContaining("4 parts");
    }

    @Test
    void quartzCronWithSeconds_isRejected() {
        assertThatThrownBy(() -> ScheduleSettings.parse("0 0 6 2 * ?", "UTC", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron '0 0 6 2 * ?' is not a 5-field UNIX cron expression");
    }

    @Test
    void cronValueOutOfRange_isRejectedWithTheReason() {
        assertThatThrownBy(() -> ScheduleSettings.parse("0 25 2 * *", "UTC", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron '0 25 2 * *' is not a 5-field UNIX cron expression")
                .hasMessageContaining("25 not in range [0, 23]");
    }

    @Test
    void cronThatMatchesNoDate_isRejected() {
        assertThatThrownBy(() -> ScheduleSettings.parse("0 6 30 2 *", "UTC", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cron '0 6 30 2 *' matches no date, so it would never fire;"
                        + " expected a 5-field UNIX cron expression");
    }

    @Test
    void unknownZone_isRejectedNamingItAndTheExpectedForm() {
        assertThatThrownBy(() -> ScheduleSettings.parse(null, "Europe/Berln", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zone 'Europe/Berln' is not a time-zone ID: expected a region ID such as Europe/Berlin,"
                        + " or UTC, or an offset such as +01:00");
    }

    @Test
    void malformedZone_isRejectedNamingIt() {
        assertThatThrownBy(() -> ScheduleSettings.parse(null, "+25:00", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("zone '+25:00' is not a time-zone ID");
    }

    @Test
    void catchUpBelowOne_isRejected() {
        assertThatThrownBy(() -> ScheduleSettings.parse(null, "UTC", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("catch-up 0 is not a number of months of at least 1, e.g. 3");
    }
}
