package io.chokepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chokepoint.schedule.RecordingRunner.Run;
import io.chokepoint.tracking.ReportPeriod;

class MonthlyScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ScheduleSettings DEFAULTS_IN_BERLIN =
            new ScheduleSettings(ScheduleSettings.DEFAULT_CRON, BERLIN, ScheduleSettings.DEFAULT_CATCH_UP);
    private static final Instant STARTED = berlin("2026-11-27T10:15");

    // The clock runs on UTC on purpose: months and fires must follow the schedule's zone, not the clock's.
    private final MutableClock clock = new MutableClock(STARTED, ZoneOffset.UTC);
    private final FakeSleeper sleeper = new FakeSleeper(clock);

    @AfterEach
    void threadIsNotLeftInterrupted() {
        assertThat(Thread.interrupted()).as("interrupt status leaked to the caller").isFalse();
    }

    @Test
    void threeMonthsMissed_runsThemOldestFirstThenSleepsUntilTheNextFire() {
        // given
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-07"), runner);
        sleeper.stopAfterFires(0, schedule);

        // when
        schedule.run();

        // then
        assertThat(runner.runs()).containsExactly(
                new Run(period("2026-08"), STARTED),
                new Run(period("2026-09"), STARTED),
                new Run(period("2026-10"), STARTED));
        assertThat(sleeper.wakeTimes()).containsExactly(berlin("2026-12-02T06:00"));
    }

    @Test
    void moreMonthsMissedThanCatchUp_runsOnlyTheNewestAndLogsTheSkippedOnes() {
        // given
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2025-01"), runner);
        sleeper.stopAfterFires(0, schedule);

        // when
        List<String> log = logOf(schedule::run);

        // then
        assertThat(runner.runs()).extracting(Run::period)
                .containsExactly(period("2026-08"), period("2026-09"), period("2026-10"));
        assertThat(log).anyMatch(line -> line.contains("catch-up is limited to 3 months, so 2025-02 to 2026-07 will not be run"));
    }

    @Test
    void noHistory_runsOnlyTheLastCompleteMonth() {
        // given
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, Optional::empty, runner);
        sleeper.stopAfterFires(0, schedule);

        // when
        schedule.run();

        // then
        assertThat(runner.runs()).containsExactly(new Run(period("2026-10"), STARTED));
    }

    @Test
    void upToDate_runsNothingUntilTheNextFireThenItsMonth() {
        // given
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), runner);
        sleeper.stopAfterFires(1, schedule);

        // when
        schedule.run();

        // then
        assertThat(runner.runs()).containsExactly(new Run(period("2026-11"), berlin("2026-12-02T06:00")));
        assertThat(sleeper.wakeTimes()).containsExactly(berlin("2026-12-02T06:00"), berlin("2027-01-02T06:00"));
    }

    @Test
    void failedMonth_isRetriedAtTheNextFireBeforeTheNewMonth() {
        // given: 2026-10 fails the first time only
        Set<ReportPeriod> failedOnce = new HashSet<>();
        RecordingRunner runner = new RecordingRunner(clock, period ->
                period.equals(period("2026-10")) && failedOnce.add(period) ? RunResult.failed("disk full") : RunResult.completed("ok"));
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-09"), runner);
        sleeper.stopAfterFires(2, schedule);

        // when
        schedule.run();

        // then
        assertThat(runner.runs()).containsExactly(
                new Run(period("2026-10"), STARTED),
                new Run(period("2026-10"), berlin("2026-12-02T06:00")),
                new Run(period("2026-11"), berlin("2026-12-02T06:00")),
                new Run(period("2026-12"), berlin("2027-01-02T06:00")));
    }

    @Test
    void runnerThrows_countsAsAFailureAndTheScheduleGoesOn() {
        // given: 2026-10 throws the first time, and 2026-11 returns no result the first time
        Set<ReportPeriod> triedOnce = new HashSet<>();
        RecordingRunner runner = new RecordingRunner(clock, period -> {
            boolean first = triedOnce.add(period);
            if (first && period.equals(period("2026-10"))) {
                throw new IllegalStateException("database is locked");
            }
            return first && period.equals(period("2026-11")) ? null : RunResult.completed("ok");
        });
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-09"), runner);
        sleeper.stopAfterFires(2, schedule);

        // when
        List<String> log = logOf(schedule::run);

        // then
        assertThat(runner.runs()).containsExactly(
                new Run(period("2026-10"), STARTED),
                new Run(period("2026-10"), berlin("2026-12-02T06:00")),
                new Run(period("2026-11"), berlin("2026-12-02T06:00")),
                new Run(period("2026-11"), berlin("2027-01-02T06:00")),
                new Run(period("2026-12"), berlin("2027-01-02T06:00")));
        assertThat(log).anyMatch(line -> line.contains("Period 2026-10 FAILED")
                && line.contains("java.lang.IllegalStateException: database is locked"));
    }

    @Test
    void catchUpOfOne_givesUpAFailedMonthWhenTheNextOneIsDue() {
        // given
        RecordingRunner runner = new RecordingRunner(clock,
                period -> period.equals(period("2026-10")) ? RunResult.failed("no data") : RunResult.completed("ok"));
        MonthlySchedule schedule = schedule(new ScheduleSettings(ScheduleSettings.DEFAULT_CRON, BERLIN, 1),
                lastCompleted("2026-09"), runner);
        sleeper.stopAfterFires(1, schedule);

        // when
        List<String> log = logOf(schedule::run);

        // then
        assertThat(runner.runs()).containsExactly(
                new Run(period("2026-10"), STARTED),
                new Run(period("2026-11"), berlin("2026-12-02T06:00")));
        assertThat(log).anyMatch(line -> line.contains("catch-up is limited to 1 month, so 2026-10 will not be run"));
    }

    @Test
    void startedJustAfterMidnightInTheSchedulesZone_takesTheMonthFromThatZone() {
        // given: still November in UTC, already December in Berlin
        Instant started = Instant.parse("2026-11-30T23:30:00Z");
        clock.set(started);
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), runner);
        sleeper.stopAfterFires(0, schedule);

        // when
        schedule.run();

        // then
        assertThat(runner.runs()).containsExactly(new Run(period("2026-11"), started));
    }

    @Test
    void stopDuringARun_finishesThatPeriodAndStartsNoOther() {
        // given
        MonthlySchedule[] schedule = new MonthlySchedule[1];
        RecordingRunner runner = new RecordingRunner(clock, period -> {
            schedule[0].stop();
            return RunResult.completed("ok");
        });
        schedule[0] = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-07"), runner);

        // when
        schedule[0].run();

        // then
        assertThat(runner.runs()).containsExactly(new Run(period("2026-08"), STARTED));
        assertThat(sleeper.wakeTimes()).isEmpty();
    }

    @Test
    void stopArrivingJustAsTheSleepEnds_runsNoFireAndLeavesNoInterrupt() {
        // given: a sleep that has already ended when stop() interrupts the thread
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule[] schedule = new MonthlySchedule[1];
        schedule[0] = new MonthlySchedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), runner, clock, wakeAt -> {
            clock.set(wakeAt);
            schedule[0].stop();
        });

        // when
        schedule[0].run();

        // then: nothing ran, and threadIsNotLeftInterrupted checks the interrupt was consumed
        assertThat(runner.runs()).isEmpty();
    }

    @Test
    void clockStepsBackDuringARun_doesNotFireTheSameTimeTwice() {
        // given: the host clock is corrected ten minutes back while 2026-11 runs
        RecordingRunner runner = new RecordingRunner(clock, period -> {
            clock.set(clock.instant().minus(Duration.ofMinutes(10)));
            return RunResult.completed("ok");
        });
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), runner);
        sleeper.stopAfterFires(1, schedule);

        // when
        schedule.run();

        // then
        assertThat(sleeper.wakeTimes()).containsExactly(berlin("2026-12-02T06:00"), berlin("2027-01-02T06:00"));
    }

    @Test
    void interruptedWhileWaiting_returnsWithTheInterruptStatusSet() {
        // given
        RecordingRunner runner = new RecordingRunner(clock, completed());
        MonthlySchedule schedule = new MonthlySchedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), runner, clock,
                wakeAt -> {
                    throw new InterruptedException();
                });

        // when
        schedule.run();

        // then
        assertThat(Thread.interrupted()).isTrue();
        assertThat(runner.runs()).isEmpty();
    }

    @Test
    void stopFromAnotherThread_wakesARealSleepPromptly() throws InterruptedException {
        // given: the real clock and sleeper, waiting for a fire a month or more away
        RecordingRunner runner = new RecordingRunner(clock, completed());
        ScheduleSettings settings = new ScheduleSettings("0 6 2 * *", ZoneOffset.UTC, 3);
        MonthlySchedule schedule = MonthlySchedule.onSystemClock(settings, Optional::empty, runner);
        Thread loop = new Thread(schedule::run, "schedule-under-test");
        loop.start();
        awaitState(loop, Thread.State.TIMED_WAITING);

        // when
        schedule.stop();

        // then
        assertThat(schedule.awaitStopped(Duration.ofSeconds(5))).isTrue();
        loop.join(5_000);
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void runTwice_isRefused() {
        MonthlySchedule schedule = schedule(DEFAULTS_IN_BERLIN, lastCompleted("2026-10"), new RecordingRunner(clock, completed()));
        sleeper.stopAfterFires(0, schedule);
        schedule.run();

        assertThatThrownBy(schedule::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("already been run");
    }

    private MonthlySchedule schedule(ScheduleSettings settings, RunHistory history, PeriodRunner runner) {
        return new MonthlySchedule(settings, history, runner, clock, sleeper);
    }

    private static RunHistory lastCompleted(String period) {
        return () -> Optional.of(period(period));
    }

    private static Function<ReportPeriod, RunResult> completed() {
        return period -> RunResult.completed("ok");
    }

    private static ReportPeriod period(String text) {
        return ReportPeriod.parse(text);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** Runs {@code action} and returns what MonthlySchedule logged meanwhile. */
    private static List<String> logOf(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(MonthlySchedule.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getClassName()
                                + ": " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (thread.getState() != state) {
            assertThat(System.nanoTime()).as("thread did not reach " + state).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
