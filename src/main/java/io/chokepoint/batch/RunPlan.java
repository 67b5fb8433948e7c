package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Objects;

import io.chokepoint.tracking.ReportPeriod;

/**
 * What {@code run} or {@code restart} decided to do with a period's job history, before doing it. Deciding needs
 * the tracker's {@link RunLock}: only then is an execution left STARTED known to have no live process.
 */
public sealed interface RunPlan {

    /**
     * No execution for the period yet, or the last one was abandoned: start a new job instance.
     *
     * @param reportsDir where the new execution writes its files
     */
    record StartNew(ReportPeriod period, Path reportsDir) implements RunPlan {
        public StartNew {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(reportsDir, "reportsDir");
        }
    }

    /**
     * Restart an execution from its last checkpoint.
     *
     * @param executionId  the execution to restart (the latest of its job instance)
     * @param status       its batch status: FAILED, STOPPED, or STARTING/STARTED/STOPPING left by a process that is gone
     * @param reportsDir   where the execution writes its files (a restart keeps its original parameters)
     */
    record Restart(ReportPeriod period, long executionId, String status, Path reportsDir) implements RunPlan {
        public Restart {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reportsDir, "reportsDir");
        }

        /** Whether the execution was left running by a process that died (rather than failed or stopped). */
        public boolean interrupted() {
            return !status.equals("FAILED") && !status.equals("STOPPED");
        }
    }

    /**
     * The period completed and a rerun was asked for: keep its files under {@code archive/<producer>/}, then start a
     * new job instance.
     *
     * @param completedExecutionId the period's latest completed execution
     * @param reportsDir           where the current files are and the new execution writes
     */
    record Rerun(ReportPeriod period, long completedExecutionId, Path reportsDir) implements RunPlan {
        public Rerun {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(reportsDir, "reportsDir");
        }
    }

    /** Nothing is done; the message says why and what to do instead. */
    record Refused(Reason reason, String message) implements RunPlan {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a request was refused. */
    enum Reason {
        /** The period (or execution) completed; producing it again takes {@code run --rerun}. */
        COMPLETED,
        /** The execution is not the latest of its job instance; only the latest can be restarted. */
        NOT_LATEST,
        /** The execution was abandoned and cannot be restarted. */
        ABANDONED,
        /** There is no such execution (or no execution for the period). */
        NOT_FOUND,
        /** A restart was asked for with other options than its execution's; a restart keeps them. */
        OPTIONS_CHANGED
    }
}
