package io.chokepoint.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of the monthly job, from the job repository.
 *
 * @param period     the period it reports ({@code YYYY-MM}), from its job parameters
 * @param status     its batch status (STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED)
 * @param exitStatus its exit status, if any
 * @param start      when it started; null if it never did
 * @param end        when it ended; null while running or after its process died
 */
public record ExecutionSummary(long executionId, long jobInstanceId, String period, String status, String exitStatus,
                               Instant start, Instant end, List<StepSummary> steps) {
    public ExecutionSummary {
        Objects.requireNonNull(status, "status");
        steps = List.copyOf(steps);
    }

    /** From start to end; empty unless both are known. */
    public Optional<Duration> duration() {
        return start == null || end == null ? Optional.empty() : Optional.of(Duration.between(start, end));
    }
}
