package io.chokepoint.batch;

import java.io.Serializable;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

import io.chokepoint.tracking.ProjectCursor;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.ProjectKey;

/**
 * Reads every tracked project with its facility's events through a database cursor. Its checkpoint is the key of
 * the last project read, so a restart resumes after it instead of starting over.
 */
public class SnapshotReader extends AbstractItemReader {

    /** The tracker: its SQLite file, or its PostgreSQL database's URL (never a password). */
    @Inject
    @BatchProperty
    String db;

    @Inject
    JobContext jobContext;

    private ProjectCursor cursor;
    private ProjectKey last;

    @Override
    public void open(Serializable checkpoint) {
        last = (ProjectKey) checkpoint;
        cursor = JobTracker.of(jobContext, db).trackedProjects().open(last);
    }

    @Override
    public Object readItem() {
        if (!cursor.hasNext()) {
            return null;
        }
        ProjectHistory history = cursor.next();
        last = new ProjectKey(history.project().facilityId(), history.project().id());
        return history;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
