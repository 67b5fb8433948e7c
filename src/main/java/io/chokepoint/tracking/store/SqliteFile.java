package io.chokepoint.tracking.store;

import java.nio.file.Path;
import java.util.Objects;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A tracker in a SQLite file, its job repository in a second file beside it.
 *
 * @param file the tracker's file, as a real (resolved) path
 */
public record SqliteFile(Path file) implements Backend {

    /** SQLite's migrations; PostgreSQL's copies, with the same versions, are in {@link PostgresDatabase}. */
    static final String MIGRATIONS = "classpath:db/migration";

    public SqliteFile {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public String location() {
        return file.toString();
    }

    /** The job repository lives in its own SQLite file beside the tracker (one file per tracker). */
    public Path jobRepositoryFile() {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return file.resolveSibling(stem + "-jobs.db");
    }

    @Override
    public String jobRepository() {
        return jobRepositoryFile().toString();
    }

    @Override
    public DataSource dataSource() {
        return dataSource(SQLiteConfig.TransactionMode.DEFERRED);
    }

    /**
     * IMMEDIATE transactions: imports and edits take the write lock when the transaction begins, waiting up to the
     * busy timeout for the job's commit, instead of failing with SQLITE_BUSY_SNAPSHOT when a commit came between
     * their first read and their first write.
     */
    @Override
    public DataSource writerDataSource() {
        return dataSource(SQLiteConfig.TransactionMode.IMMEDIATE);
    }

    private SQLiteDataSource dataSource(SQLiteConfig.TransactionMode transactions) {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(transactions);
        // WAL lets the job's reader keep its cursor open while its writer commits chunks.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    @Override
    public String migrations() {
        return MIGRATIONS;
    }

    @Override
    public boolean runsReadExportedSnapshots() {
        return false;
    }
}
