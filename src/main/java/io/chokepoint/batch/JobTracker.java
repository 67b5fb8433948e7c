package io.chokepoint.batch;

import java.nio.file.Path;

import jakarta.batch.runtime.context.JobContext;

import org.jberet.runtime.context.JobContextImpl;

import io.chokepoint.tracking.store.PostgresDatabase;
import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The tracker a step works on. A SQLite tracker is named by its file in the job parameter {@code db}. A tracker on
 * PostgreSQL is the one whose database holds this job repository: its login (with the password) stays in the
 * process's {@link ChokepointBatchEnvironment} and never goes into a job parameter, which JBeret stores in clear.
 */
final class JobTracker {

    private JobTracker() {
    }

    static TrackerDatabase of(JobContext context, String db) {
        if (!PostgresLogin.isServerUrl(db)) {
            return TrackerDatabase.connect(Path.of(db));
        }
        if (context instanceof JobContextImpl impl
                && impl.getBatchEnvironment() instanceof ChokepointBatchEnvironment environment
                && environment.tracker().backend() instanceof PostgresDatabase) {
            return environment.trackerAsRead();
        }
        throw new IllegalStateException("the tracker " + db + " is on a server, and this process has no login to it");
    }
}
