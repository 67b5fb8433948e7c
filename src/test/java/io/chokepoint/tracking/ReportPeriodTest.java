package io.chokepoint.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void lastComplete_isThePreviousCalendarMonth() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

        assertThat(ReportPeriod.lastComplete(clock)).isEqualTo(ReportPeriod.parse("2025-12"));
    }

    @Test
    void monthThirteen_namesTheProblemAndTheForm() {
        assertThatThrownBy(() -> ReportPeriod.parse("2026-13"))
                .hasMessage("period '2026-13' is not a valid month: expected YYYY-MM with MM from 01 to 12, e.g. 2026-01");
    }

    @Test
    void words_nameTheExpectedForm() {
        assertThatThrownBy(() -> ReportPeriod.parse("last-month"))
                .hasMessage("period 'last-month' is not of the form YYYY-MM, e.g. 2026-01");
    }
}
