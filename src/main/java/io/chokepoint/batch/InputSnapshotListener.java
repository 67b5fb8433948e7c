package io.chokepoint.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

import org.jberet.runtime.context.JobContextImpl;

/**
 * On PostgreSQL, holds one snapshot of the tracker's input for the execution (see
 * {@link io.chokepoint.tracking.InputSnapshot}): every step reads it, so the report and the manifest's fingerprint
 * describe the same rows while analysts go on importing. A restart takes a new one. Nothing to do for SQLite.
 */
public class InputSnapshotListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;

    @Override
    public void beforeJob() {
        environment().ifPresent(ChokepointBatchEnvironment::holdSnapshot);
    }

    @Override
    public void afterJob() {
        environment().ifPresent(ChokepointBatchEnvironment::releaseSnapshot);
    }

    private java.util.Optional<ChokepointBatchEnvironment> environment() {
        return jobContext instanceof JobContextImpl impl
                && impl.getBatchEnvironment() instanceof ChokepointBatchEnvironment environment
                && environment.tracker() != null && environment.tracker().backend().runsReadExportedSnapshots()
                ? java.util.Optional.of(environment) : java.util.Optional.empty();
    }
}
