package io.chokepoint.tracking.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * One consistent view of a PostgreSQL tracker's input tables for a whole run: a REPEATABLE READ transaction kept
 * open on its own connection, whose snapshot is exported ({@code pg_export_snapshot()}) so that every reader of the
 * run (the snapshot step's cursor, the analysis, the manifest's fingerprint) sees exactly the same rows, however
 * long the run takes and whatever is imported meanwhile. Close it when the run ends.
 */
public final class InputSnapshot implements AutoCloseable {

    private final Handle holder;
    private final String id;

    private InputSnapshot(Handle holder, String id) {
        this.holder = holder;
        this.id = id;
    }

    static InputSnapshot export(Handle handle) {
        try {
            handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            handle.begin();
            String id = handle.createQuery("SELECT pg_export_snapshot()").mapTo(String.class).one();
            return new InputSnapshot(handle, id);
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    /** The exported snapshot's name, for {@code SET TRANSACTION SNAPSHOT}. */
    public String id() {
        return id;
    }

    /** Makes {@code handle}'s new transaction see this snapshot; the first statement of a REPEATABLE READ one. */
    static void join(Handle handle, String id) {
        if (!id.matches("[0-9A-Fa-f-]+")) {
            throw new IllegalArgumentException("not a snapshot name: " + id);
        }
        handle.execute("SET TRANSACTION SNAPSHOT '" + id + "'");
    }

    @Override
    public void close() {
        try {
            holder.rollback();
        } finally {
            holder.close();
        }
    }
}
