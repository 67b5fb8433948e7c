package io.chokepoint.tracking.store;

import java.util.function.BiFunction;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Sends one statement for many rows in batches of {@value #SIZE}, within the caller's transaction: an import stages
 * its rows this way, a statement per row being several times slower. A row waiting in a batch is not in the table
 * yet: call {@link #flush()} before reading the table. Not thread-safe.
 */
final class BatchWriter<T> {

    static final int SIZE = 1_000;

    private final PreparedBatch batch;
    private final BiFunction<PreparedBatch, T, PreparedBatch> bind;

    BatchWriter(Handle handle, String sql, BiFunction<PreparedBatch, T, PreparedBatch> bind) {
        this.batch = handle.prepareBatch(sql);
        this.bind = bind;
    }

    void add(T value) {
        bind.apply(batch, value).add();
        if (batch.size() >= SIZE) {
            batch.execute();
        }
    }

    void flush() {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
