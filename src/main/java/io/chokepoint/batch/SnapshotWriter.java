package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.List;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;

import io.chokepoint.tracking.PeriodSnapshots;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.TrackerDatabase;

/**
 * Upserts a chunk of snapshots keyed by (period, project): a chunk written again after a crash replaces its
 * rows, so nothing is duplicated (the SE transaction manager does not roll our writes back).
 */
public class SnapshotWriter extends AbstractItemWriter {

    /** Path of the tracker's SQLite file. */
    @Inject
    @BatchProperty
    String db;

    private PeriodSnapshots snapshots;

    @Override
    public void open(java.io.Serializable checkpoint) {
        snapshots = TrackerDatabase.connect(Path.of(db)).periodSnapshots();
    }

    @Override
    public void writeItems(List<Object> items) {
        snapshots.upsert(items.stream().map(ProjectSnapshot.class::cast).toList());
    }
}
