package io.chokepoint.batch;

import java.io.Serializable;

import jakarta.batch.api.chunk.ItemReader;

import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.ProjectCursor;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectKey;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Reads every tracked project with its facility's events through a database cursor, and fingerprints the input rows
 * as they go by ({@link InputFingerprint}); at the end it records the fingerprint for write-manifest. Its checkpoint
 * ({@link SnapshotPosition}) is the key of the last project read with the running fingerprint, so a restart resumes
 * after it instead of starting over.
 */
public class SnapshotReader extends PeriodStep implements ItemReader {

    private TrackerDatabase tracker;
    private ReportPeriod reportPeriod;
    private ProjectCursor cursor;
    private ProjectKey last;
    private boolean fingerprinting;
    private String complete;

    @Override
    public void open(Serializable checkpoint) {
        tracker = tracker();
        reportPeriod = reportPeriod();
        InputFingerprint.Partial fingerprint;
        if (checkpoint instanceof SnapshotPosition position) {
            last = position.last();
            fingerprint = position.fingerprint();
            complete = position.complete();
        } else if (checkpoint instanceof ProjectKey key) {
            last = key; // checkpointed by an earlier release: the rows read before it were not fingerprinted
            fingerprint = null;
        } else {
            last = null;
            fingerprint = new InputFingerprint.Partial();
        }
        if (checkpoint != null) {
            // A restart: forget what the failed chunk may have written after its checkpoint.
            tracker.periodProjects().deleteAfter(reportPeriod, last);
        }
        fingerprinting = fingerprint != null;
        cursor = fingerprinting ? tracker.trackedProjects().open(last, fingerprint.copy())
                : tracker.trackedProjects().open(last);
    }

    @Override
    public Object readItem() {
        if (!cursor.hasNext()) {
            if (fingerprinting) {
                if (complete == null) {
                    complete = cursor.finishFingerprint();
                }
                tracker.periodProjects().recordInputFingerprint(reportPeriod, complete);
            }
            return null;
        }
        ProjectHistory history = cursor.next();
        last = new ProjectKey(history.project().facilityId(), history.project().id());
        return history;
    }

    @Override
    public Serializable checkpointInfo() {
        return new SnapshotPosition(last, cursor.fingerprint(), complete);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
