package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.batch.runtime.BatchStatus;

import io.chokepoint.tracking.ReportPeriod;

/**
 * How a run of the monthly job ended.
 *
 * @param action what was done: started a new execution or restarted a failed one
 * @param files   the period's files that exist after the run: workbook, PDF and manifest
 * @param failure for a failed execution, the step that failed and its cause in one line
 *                ({@code write-reports: cannot write …}); empty otherwise
 */
public record RunOutcome(ReportPeriod period, long executionId, RunAction action, BatchStatus status,
                         String exitStatus, List<Path> files, Optional<String> failure) {
    public RunOutcome {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        files = List.copyOf(files);
    }

    public RunOutcome(ReportPeriod period, long executionId, RunAction action, BatchStatus status, String exitStatus,
                      List<Path> files) {
        this(period, executionId, action, status, exitStatus, files, Optional.empty());
    }

    /** Whether the job's exit status says more than its batch status (it is set, and not just the status's name). */
    public boolean exitStatusSaysMore() {
        return exitStatus != null && !exitStatus.equals(status.name());
    }

    public boolean completed() {
        return status == BatchStatus.COMPLETED;
    }

    /**
     * The job failed in email-pdf on this side's account (invalid mail settings, a user for a server that offers
     * no AUTH, an unreadable PDF): an input or environment problem, to fix before running the month again.
     */
    public boolean emailSetupFailed() {
        return !completed() && exitStatus != null && exitStatus.startsWith(EmailPdfBatchlet.SETUP_FAILED + ":");
    }

    /** Why the run failed, if its environment failed it (a full or unwritable disk), not the job itself. */
    public Optional<String> environmentProblem() {
        return !completed() && exitStatus != null && exitStatus.startsWith(EnvironmentFailures.PREFIX)
                ? Optional.of(exitStatus.substring(EnvironmentFailures.PREFIX.length()))
                : Optional.empty();
    }
}
