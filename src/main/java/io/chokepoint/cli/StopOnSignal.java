package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.chokepoint.batch.RunningExecution;

/**
 * A JVM shutdown hook for the time a command runs a job in the foreground: on SIGTERM or Ctrl-C it stops the
 * execution through the job operator (a chunk step stops after its checkpoint; the execution ends STOPPED, which
 * {@code run} restarts), waits a bounded time for it to end, lets the command print how it ended and release
 * the tracker's lock, then ends the process with the command's exit code (1 for a stopped execution).
 *
 * <p>The hook is removed when the command ends, and does nothing if the execution has already ended, so the
 * {@code System.exit} at the end of {@code Main} (which also runs shutdown hooks) is not affected.
 */
final class StopOnSignal {

    /** How long a stop may take before the process ends anyway (the execution then stays STOPPING, restartable). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How long to wait for the command to print its outcome and release the lock after the execution ended. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final PrintWriter err;
    private final Thread hook;
    private final AtomicReference<RunningExecution> watched = new AtomicReference<>();
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.JOB_FAILED);
    private final CountDownLatch commandDone = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean received = new java.util.concurrent.atomic.AtomicBoolean();

    private StopOnSignal(PrintWriter err) {
        this.err = err;
        this.hook = new Thread(this::onShutdown, "chokepoint-stop-on-signal");
    }

    static StopOnSignal install(PrintWriter err) {
        StopOnSignal signal = new StopOnSignal(err);
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** From now on a shutdown stops this execution. */
    void watch(RunningExecution execution) {
        watched.set(execution);
    }

    /** The command ended with this code: remove the hook, or if it is already running, let it finish. */
    void finish(int code) {
        exitCode.set(code);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is shutting down and the hook is running: it waits for commandDone
        } finally {
            commandDone.countDown();
        }
    }

    /**
     * Whether a signal stopped the run. Then any failure that follows is the signal's doing (a step interrupted while
     * the JVM shuts down may fail with a misleading cause, such as a font it can no longer read).
     */
    boolean received() {
        return received.get();
    }

    private void onShutdown() {
        RunningExecution execution = watched.get();
        if (execution == null || execution.hasEnded()) {
            return; // nothing of ours is running: an ordinary exit
        }
        received.set(true);
        err.println("Signal received: stopping execution " + execution.executionId() + " of period "
                + execution.period() + " at its next checkpoint");
        err.flush();
        execution.stop();
        if (!execution.awaitEnd(STOP_TIMEOUT)) {
            err.println("Execution " + execution.executionId() + " did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s; exiting anyway. It stays " + execution.status() + " and the next run of period "
                    + execution.period() + " restarts it from its last checkpoint.");
        }
        try {
            commandDone.await(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
        // Left alone, the JVM would exit with 128 + the signal's number; a stopped run exits with the command's code
        // (1) as documented. System.exit blocks inside a shutdown hook, so halt: the execution has ended and been
        // recorded, the command has printed its outcome and released the lock.
        Runtime.getRuntime().halt(exitCode.get());
    }
}
