package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

import io.chokepoint.batch.RunningExecution;
import io.chokepoint.batch.RunningExecution.StepProgress;

/**
 * One line on stderr, rewritten in place while a run lasts, for a person at a terminal: the step, the rows done, rows
 * per second and the time left. Only ever shown on a terminal, where {@code \r} rewrites the line; a log file gets
 * nothing from it.
 */
final class Progress implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final PrintWriter err;
    private final RunningExecution execution;
    private final long totalRows;
    private final Thread thread;
    private volatile boolean done;
    private int width;
    private String step;
    private long stepStartNanos;
    private long stepStartRows;

    private Progress(PrintWriter err, RunningExecution execution, long totalRows) {
        this.err = err;
        this.execution = execution;
        this.totalRows = totalRows;
        this.thread = new Thread(this::loop, "chokepoint-progress");
        thread.setDaemon(true);
    }

    /** Starts showing the execution's progress; {@code totalRows} is the number of projects the snapshot reads. */
    static Progress show(PrintWriter err, RunningExecution execution, long totalRows) {
        Progress progress = new Progress(err, execution, totalRows);
        progress.thread.start();
        return progress;
    }

    private void loop() {
        while (!done) {
            try {
                Optional<StepProgress> now = execution.progress();
                now.ifPresent(this::print);
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // progress is a courtesy: a failed look at the repository must never disturb the run
            }
        }
    }

    private synchronized void print(StepProgress now) {
        long nanos = System.nanoTime();
        if (!now.step().equals(step)) {
            step = now.step();
            stepStartNanos = nanos;
            stepStartRows = now.rows();
        }
        double seconds = (nanos - stepStartNanos) / 1e9;
        String line;
        if (now.rows() > 0 && seconds > 0) {
            double rate = (now.rows() - stepStartRows) / seconds;
            long left = Math.max(0, totalRows - now.rows());
            String eta = rate > 0 ? formatDuration((long) (left / rate)) : "?";
            line = String.format("%s: %,d of %,d rows, %,.0f rows/s, ETA %s", step, now.rows(), totalRows, rate, eta);
        } else {
            line = String.format("%s: %s", step, formatDuration((long) seconds));
        }
        width = Math.max(width, line.length());
        err.print("\r" + line + " ".repeat(width - line.length()));
        err.flush();
    }

    private static String formatDuration(long seconds) {
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    /** Stops and clears the line, so that what follows starts at the left margin. */
    @Override
    public void close() {
        done = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
        }
    }
}
