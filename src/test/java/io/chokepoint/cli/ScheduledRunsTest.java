package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.TestTrackers;
import io.chokepoint.batch.EmailOptions;
import io.chokepoint.batch.ExecutionSummary;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.RunOptions;
import io.chokepoint.schedule.MonthlySchedule;
import io.chokepoint.schedule.ScheduleSettings;
import io.chokepoint.tracking.ReportPeriod;

/** The schedule driving the real job: catch-up at start-up, then a wait for the next fire, on an injected clock. */
class ScheduledRunsTest {

    @TempDir
    Path dir;

    @Test
    void lastCompletedThreeMonthsBack_runsTheMissedMonthsInOrder_thenWaitsForTheNextFire() throws Exception {
        ReportJob job = new ReportJob(TestTrackers.seeded(dir.resolve("tracker.db"), "small-tracker"));
        job.start(ReportPeriod.parse("2026-07"), dir.resolve("reports"));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), berlin);
        RunOptions options = new RunOptions(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                new EmailOptions(false, dir.resolve("none.properties")));
        ScheduledRuns runs = new ScheduledRuns(job, dir.resolve("reports"), options, clock);
        AtomicReference<MonthlySchedule> schedule = new AtomicReference<>();
        List<Instant> sleptUntil = new ArrayList<>();
        schedule.set(new MonthlySchedule(ScheduleSettings.parse(null, "Europe/Berlin", 3), runs, runs, clock, wakeAt -> {
            sleptUntil.add(wakeAt);
            schedule.get().stop(); // the test ends at the first wait
        }));

        schedule.get().run();

        List<ExecutionSummary> history = job.history(Optional.empty(), 10);
        assertThat(history).extracting(ExecutionSummary::period, ExecutionSummary::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-10", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("2026-09", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("2026-08", "COMPLETED"),
                        org.assertj.core.groups.Tuple.tuple("2026-07", "COMPLETED"));
        assertThat(dir.resolve("reports/2026-10/chokepoint-2026-10.pdf")).exists();
        assertThat(sleptUntil).containsExactly(ZonedDateTime.of(2026, 12, 2, 6, 0, 0, 0, berlin).toInstant());
        assertThat(job.lastCompletedPeriod()).contains(ReportPeriod.parse("2026-10"));
    }

    @Test
    void sigtermWhileWaitingForTheNextFire_stopsCleanly_andExits0() throws Exception {
        Path home = dir.resolve("home");
        assertThat(CliRun.run("init", "--sample", "--home", home.toString()).exitCode()).isZero();
        String lastMonth = ReportPeriod.lastComplete(Clock.systemDefaultZone()).toString();

        try (ChildJvm child = ChildJvm.start(dir.resolve("child"), Main.class, "schedule", "--catch-up", "1",
                "--no-email", "--home", home.toString())) {
            child.awaitWhileAlive("the catch-up run, then the wait", () -> child.err().contains("Next run at"));
            child.terminate();

            // systemd counts 143 (the JVM's 128 + SIGTERM) as a failed service; a schedule asked to stop has not failed.
            assertThat(child.exitCode()).as(child.err()).isZero();
            assertThat(child.err()).contains("Period " + lastMonth + " COMPLETED").contains("Schedule stopped");
        }
        assertThat(home.resolve("reports/" + lastMonth + "/chokepoint-" + lastMonth + ".pdf")).isRegularFile();
    }

    @Test
    void invalidCron_isAUsageError() {
        CliRun run = CliRun.run("schedule", "--cron", "61 * * * *", "--db", dir.resolve("x.db").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("61 * * * *");
    }
}
