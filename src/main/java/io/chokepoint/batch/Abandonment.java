package io.chokepoint.batch;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@code abandon} ended: the execution it marked ABANDONED (and the status it had), or why it refused.
 *
 * @param executionId    the abandoned execution (0 when refused)
 * @param previousStatus its batch status before (null when refused)
 * @param refusal        why nothing was done, if so
 */
public record Abandonment(long executionId, String previousStatus, Optional<RunPlan.Refused> refusal) {

    public Abandonment {
        Objects.requireNonNull(refusal, "refusal");
    }

    static Abandonment done(long executionId, String previousStatus) {
        return new Abandonment(executionId, previousStatus, Optional.empty());
    }

    static Abandonment refused(RunPlan.Reason reason, String message) {
        return new Abandonment(0, null, Optional.of(new RunPlan.Refused(reason, message)));
    }
}
