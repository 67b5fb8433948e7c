package io.chokepoint.tracking.store;

import javax.sql.DataSource;

/**
 * Where a tracker lives: a SQLite file or a PostgreSQL database. Callers ask the backend what differs between the
 * two (its dialect, where its job repository is, how a run holds its input) instead of testing which is set.
 */
public sealed interface Backend permits SqliteFile, PostgresDatabase {

    Dialect dialect();

    /** Where the tracker is, for job parameters and messages: its file or its database URL (never a password). */
    String location();

    /** Where the job repository is, for messages: a SQLite file beside the tracker, or tables of its database. */
    String jobRepository();

    /** Connections for reading and for the job. */
    DataSource dataSource();

    /** Connections for imports and edits, which write in their transactions. */
    DataSource writerDataSource();

    /** The Flyway location of this backend's migrations: one history (the same versions), two dialects. */
    String migrations();

    /**
     * Whether a run reads its input in one exported snapshot held by the job (a server, where imports go on beside
     * it), rather than in the file under the run lock, which keeps imports out.
     */
    boolean runsReadExportedSnapshots();
}
