package io.chokepoint.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;

import org.jberet.runtime.AbstractStepExecution;
import org.jberet.runtime.JobExecutionImpl;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;

/**
 * An execution this process started or restarted, running on JBeret's (daemon) threads. The caller waits for it
 * with {@link #await()}; another thread, such as a shutdown hook, may {@link #stop()} it meanwhile.
 */
public final class RunningExecution {

    private static final long POLL_MILLIS = 25;
    /** Bound on the wait for an ended execution's final status to reach the repository (normally milliseconds). */
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(30);

    private final JobOperator operator;
    private final long executionId;
    private final RunAction action;
    private final ReportPeriod period;
    private final Path reportsDir;
    private final List<Path> archived;

    RunningExecution(JobOperator operator, long executionId, RunAction action, ReportPeriod period, Path reportsDir,
                     List<Path> archived) {
        this.operator = operator;
        this.executionId = executionId;
        this.action = action;
        this.period = period;
        this.reportsDir = reportsDir;
        this.archived = List.copyOf(archived);
    }

    public long executionId() {
        return executionId;
    }

    public RunAction action() {
        return action;
    }

    public ReportPeriod period() {
        return period;
    }

    /** The directory under which the execution writes its {@code YYYY-MM/} folder. */
    public Path reportsDir() {
        return reportsDir;
    }

    /** Files of an earlier execution kept under {@code archive/<id>/} before this one started (reruns only). */
    public List<Path> archived() {
        return archived;
    }

    /**
     * Waits for the execution to end and says how it ended. If this thread is interrupted, the execution is
     * stopped cleanly (STOPPED is restartable) and waited for.
     */
    public RunOutcome await() {
        boolean interrupted = false;
        JobExecution execution = operator.getJobExecution(executionId);
        while (isRunning(execution.getBatchStatus())) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                if (!interrupted) {
                    stop();
                }
                interrupted = true;
            }
            execution = operator.getJobExecution(executionId);
        }
        awaitRecorded(execution);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        ReportFiles files = new ReportFiles(reportsDir, period);
        List<Path> present = Stream.of(files.workbook(), files.pdf(), files.summary(), files.projectsCsv(), files.manifest())
                .filter(Files::isRegularFile).toList(); // a folder in a file's place is no report
        return new RunOutcome(period, executionId, action, execution.getBatchStatus(), execution.getExitStatus(),
                present, execution.getBatchStatus() == BatchStatus.FAILED ? failure() : Optional.empty());
    }

    /** The failed step and the root cause of its failure, in one line; the full trace is in the run's log. */
    private Optional<String> failure() {
        return operator.getStepExecutions(executionId).stream()
                .filter(step -> step.getBatchStatus() == BatchStatus.FAILED)
                .max(Comparator.comparingLong(StepExecution::getStepExecutionId))
                .map(step -> step.getStepName() + ": " + cause(step));
    }

    private static String cause(StepExecution step) {
        Throwable failure = step instanceof AbstractStepExecution jberet ? jberet.getException() : null;
        if (failure == null) {
            String exit = step.getExitStatus();
            return exit == null || exit.equals("FAILED") ? "failed (see the run's log)" : oneLine(exit);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
        return oneLine(message);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    /**
     * What the execution is doing now: its running step and the items that step has read so far (0 for a step that
     * reads none); empty when no step is running.
     */
    public Optional<StepProgress> progress() {
        return operator.getStepExecutions(executionId).stream()
                .filter(step -> isRunning(step.getBatchStatus()))
                .max(Comparator.comparingLong(StepExecution::getStepExecutionId))
                .map(step -> new StepProgress(step.getStepName(), readCount(step)));
    }

    /** A running step and the items it has read so far. */
    public record StepProgress(String step, long rows) {
    }

    private static long readCount(StepExecution step) {
        Metric[] metrics = step.getMetrics();
        if (metrics != null) {
            for (Metric metric : metrics) {
                if (metric.getType() == Metric.MetricType.READ_COUNT) {
                    return metric.getValue();
                }
            }
        }
        return 0;
    }

    /** Whether the execution has ended (completed, failed, stopped or abandoned). */
    public boolean hasEnded() {
        return !isRunning(operator.getJobExecution(executionId).getBatchStatus());
    }

    /**
     * Asks the execution to stop: a chunk step stops at its next chunk boundary, after its checkpoint, and the
     * execution ends STOPPED. Does nothing if it has already ended.
     */
    public void stop() {
        try {
            operator.stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            // it ended meanwhile: nothing to stop
        }
    }

    /** Waits up to {@code timeout} for the execution to end and be recorded; returns whether it did. */
    public boolean awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasEnded()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasEnded();
            }
        }
        awaitRecorded(operator.getJobExecution(executionId));
        return true;
    }

    /**
     * JBeret sets the final status in memory first and writes it to the job repository just after; a process that
     * exits in between would leave the execution STARTED in the repository. Its termination latch opens once the
     * write is done.
     */
    private static void awaitRecorded(JobExecution execution) {
        if (execution instanceof JobExecutionImpl impl) {
            try {
                impl.awaitTermination(RECORD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The execution's current batch status, by name. */
    public String status() {
        return operator.getJobExecution(executionId).getBatchStatus().name();
    }

    static boolean isRunning(BatchStatus status) {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }
}
