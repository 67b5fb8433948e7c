package io.chokepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.chokepoint.tracking.ReportPeriod;

class BacklogTest {

    @Test
    void describe_collapsesRunsOfConsecutiveMonths() {
        assertThat(Backlog.describe(periods("2025-02", "2025-03", "2025-04", "2025-06", "2025-12", "2026-01")))
                .isEqualTo("2025-02 to 2025-04, 2025-06, 2025-12 to 2026-01");
    }

    @Test
    void plan_keepsFailedMonthsOwedUntilCompleted() {
        // given
        Backlog backlog = new Backlog(3, ReportPeriod.parse("2026-07"));
        backlog.plan(ReportPeriod.parse("2026-09"));
        backlog.completed(ReportPeriod.parse("2026-09"));

        // when
        Backlog.Plan plan = backlog.plan(ReportPeriod.parse("2026-10"));

        // then
        assertThat(plan).isEqualTo(new Backlog.Plan(periods("2026-08", "2026-10"), List.of()));
    }

    private static List<ReportPeriod> periods(String... texts) {
        return Stream.of(texts).map(ReportPeriod::parse).toList();
    }
}
