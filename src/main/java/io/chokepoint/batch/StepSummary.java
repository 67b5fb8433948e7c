package io.chokepoint.batch;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of one execution, from the job repository. A restarted execution lists only the steps it ran again.
 *
 * @param readCount   items read (chunk steps; 0 for batchlets)
 * @param writeCount  items written
 * @param commitCount chunks committed, i.e. checkpoints taken
 */
public record StepSummary(String name, String status, String exitStatus, Instant start, Instant end,
                          long readCount, long writeCount, long commitCount, long rollbackCount, long filterCount) {
    public StepSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
