package io.chokepoint.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chokepoint.tracking.ReportPeriod;

/**
 * Runs the monthly report on a cron schedule, in the foreground, until stopped.
 *
 * <p>At start-up it catches up: it runs every month after the last completed one (from {@link RunHistory}) up to
 * the last complete month, oldest first; with no completed month at all, just the last complete month. Then, at
 * each cron fire, it runs the last complete month as of the fire, together with any month whose run failed
 * earlier. No fire runs more than {@link ScheduleSettings#catchUp()} months: the oldest owed months beyond that
 * are skipped for good, with a warning naming them. A failed or throwing run is logged and retried at the next
 * fire; it never ends the loop.
 *
 * <p>{@link #run()} runs on the caller's thread. {@link #stop()} and {@link #awaitStopped} may be called from any
 * thread, e.g. a shutdown hook. One instance runs once.
 */
public final class MonthlySchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthlySchedule.class);

    private final ScheduleSettings settings;
    private final CronTimes fires;
    private final RunHistory history;
    private final PeriodRunner runner;
    private final Clock clock;
    private final Sleeper sleeper;

    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object lock = new Object();
    /** Written under {@link #lock}; volatile so the loop can poll it without taking the lock. */
    private volatile boolean stopRequested;
    /** The loop thread while it sleeps, so that {@link #stop()} can wake it; guarded by {@link #lock}. */
    private Thread sleepingThread;

    /**
     * @param clock   the current time; its zone does not matter, the settings' zone is used for fires and months
     * @param sleeper waits for each fire, normally {@code Sleeper.onClock(clock)}
     */
    public MonthlySchedule(ScheduleSettings settings, RunHistory history, PeriodRunner runner, Clock clock,
            Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fires = CronTimes.parse(settings.cron(), settings.zone());
        this.history = Objects.requireNonNull(history, "history");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A schedule on the system clock, sleeping in real time. */
    public static MonthlySchedule onSystemClock(ScheduleSettings settings, RunHistory history, PeriodRunner runner) {
        Clock clock = Clock.system(settings.zone());
        return new MonthlySchedule(settings, history, runner, clock, Sleeper.onClock(clock));
    }

    /** The first fire strictly after {@code after}, in the schedule's zone. */
    public ZonedDateTime nextFire(Instant after) {
        return fires.nextAfter(after);
    }

    /**
     * Catches up, then runs at each fire until {@link #stop()} is called or the thread is interrupted. A stop
     * during a run lets that period finish and starts no other. After an interrupt the thread's interrupt status
     * is still set when this returns; after {@code stop()} it is not.
     *
     * @throws RuntimeException      whatever {@link RunHistory#lastCompleted()} throws at start-up
     * @throws IllegalStateException if this schedule has been run before, or cron-utils finds no next fire
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this schedule has already been run; create a new one");
        }
        try {
            loop();
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to return: at once if it is waiting for a fire, else once the current period is done. */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            if (sleepingThread != null) {
                sleepingThread.interrupt();
            }
        }
    }

    /**
     * Waits for {@link #run()} to return, e.g. in a shutdown hook after {@link #stop()}.
     *
     * @return false if {@code run()} had not returned within {@code timeout}, or was never called
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void loop() {
        if (stopping()) {
            return;
        }
        ZonedDateTime startedAt = clock.instant().atZone(settings.zone());
        Optional<ReportPeriod> lastCompleted = history.lastCompleted();
        log.info("Schedule '{}' in {}, catching up at most {}; last completed period: {}", settings.cron(),
                settings.zone(), months(settings.catchUp()), lastCompleted.map(ReportPeriod::toString).orElse("none"));
        ReportPeriod lastComplete = lastCompleteAt(startedAt);
        Backlog backlog = new Backlog(settings.catchUp(), lastCompleted.orElse(lastComplete.previous()));
        fire("Start-up", startedAt, backlog);
        Instant after = startedAt.toInstant();
        while (!stopping()) {
            Instant now = clock.instant();
            // Never ask for a fire at or before the last one, even if the clock stepped back meanwhile.
            ZonedDateTime next = nextFire(now.isAfter(after) ? now : after);
            log.info("Next run at {}", next);
            if (!sleepUntil(next.toInstant())) {
                break;
            }
            fire("Scheduled run", next, backlog);
            after = next.toInstant();
        }
        log.info("Schedule stopped");
    }

    private void fire(String label, ZonedDateTime at, Backlog backlog) {
        ReportPeriod lastComplete = lastCompleteAt(at);
        Backlog.Plan plan = backlog.plan(lastComplete);
        if (!plan.skipped().isEmpty()) {
            log.warn("{} at {}: catch-up is limited to {}, so {} will not be run", label, at,
                    months(settings.catchUp()), Backlog.describe(plan.skipped()));
        }
        if (plan.due().isEmpty()) {
            log.info("{} at {}: nothing to run, {} is already complete", label, at, lastComplete);
            return;
        }
        log.info("{} at {}: running {}", label, at,
                plan.due().stream().map(ReportPeriod::toString).collect(Collectors.joining(", ")));
        for (ReportPeriod period : plan.due()) {
            if (stopping()) {
                log.info("{} at {}: stopping before {}", label, at, period);
                return;
            }
            if (runLogged(period)) {
                backlog.completed(period);
            }
        }
    }

    /** Runs one period and logs the outcome; true if it completed. */
    private boolean runLogged(ReportPeriod period) {
        RunResult result;
        try {
            result = runner.run(period);
        } catch (Exception e) {
            // Any exception is one failed month, not the end of the schedule; Errors are left to end the process.
            log.error("Period {} FAILED: the run threw {}; it will be retried at the next run", period, e.toString(), e);
            return false;
        }
        if (result == null) {
            log.error("Period {} FAILED: the run returned no result; it will be retried at the next run", period);
            return false;
        }
        if (result.isCompleted()) {
            log.info("Period {} COMPLETED: {}", period, result.message());
            return true;
        }
        log.warn("Period {} FAILED: {}; it will be retried at the next run", period, result.message());
        return false;
    }

    /** Sleeps until the fire; false if the loop should end instead of firing. */
    private boolean sleepUntil(Instant wakeAt) {
        synchronized (lock) {
            if (stopRequested) {
                return false;
            }
            sleepingThread = Thread.currentThread();
        }
        boolean interrupted = false;
        try {
            sleeper.sleepUntil(wakeAt);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            synchronized (lock) {
                sleepingThread = null;
            }
        }
        if (stopRequested) {
            // stop()'s interrupt may have arrived just after the sleep ended: clear it so the caller's thread does
            // not carry it on. stop() cannot interrupt once sleepingThread is null.
            Thread.interrupted();
            return false;
        }
        if (interrupted) {
            // Someone else interrupted us: end the loop and keep the status set for the caller to see.
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private boolean stopping() {
        return stopRequested || Thread.currentThread().isInterrupted();
    }

    private static String months(int count) {
        return count == 1 ? "1 month" : count + " months";
    }

    /** The month before the month of {@code at}, in the schedule's zone. */
    private ReportPeriod lastCompleteAt(ZonedDateTime at) {
        return ReportPeriod.lastComplete(Clock.fixed(at.toInstant(), settings.zone()));
    }
}
