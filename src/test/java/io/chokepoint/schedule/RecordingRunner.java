package io.chokepoint.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.chokepoint.tracking.ReportPeriod;

/** Records which period was run when, and answers with the outcome the test chose. */
final class RecordingRunner implements PeriodRunner {

    record Run(ReportPeriod period, Instant at) {
    }

    private final Clock clock;
    private final Function<ReportPeriod, RunResult> outcome;
    private final List<Run> runs = new ArrayList<>();

    RecordingRunner(Clock clock, Function<ReportPeriod, RunResult> outcome) {
        this.clock = clock;
        this.outcome = outcome;
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    @Override
    public RunResult run(ReportPeriod period) {
        runs.add(new Run(period, clock.instant()));
        return outcome.apply(period);
    }
}
