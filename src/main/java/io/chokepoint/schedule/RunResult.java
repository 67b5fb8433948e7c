package io.chokepoint.schedule;

import java.util.Objects;

/**
 * How one run of one period ended.
 *
 * @param status  whether the period's report is done
 * @param message a short explanation for the log, e.g. the job execution id or the failure cause; may be empty
 */
public record RunResult(Status status, String message) {

    /** A closed set: a period is either done or still owed, and an owed period is retried at the next fire. */
    public enum Status { COMPLETED, FAILED }

    public RunResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static RunResult completed(String message) {
        return new RunResult(Status.COMPLETED, message);
    }

    public static RunResult failed(String message) {
        return new RunResult(Status.FAILED, message);
    }

    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }
}
