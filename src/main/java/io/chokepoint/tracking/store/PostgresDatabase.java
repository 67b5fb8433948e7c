package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A tracker in a PostgreSQL database, its job repository in the same database (tables prefixed {@code jberet_}).
 *
 * @param login how to reach it; its password never leaves this record's connections
 */
public record PostgresDatabase(PostgresLogin login) implements Backend {

    /**
     * PostgreSQL's copies of the migrations, with the same versions as SQLite's (and the same Java migration 6.1):
     * one history, two dialects. Outside {@code db/migration}, which Flyway scans recursively for SQLite.
     */
    static final String MIGRATIONS = "classpath:db/migration-postgresql";

    public PostgresDatabase {
        Objects.requireNonNull(login, "login");
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public String location() {
        return login.url();
    }

    @Override
    public String jobRepository() {
        return "the jberet_ tables of " + login.url();
    }

    @Override
    public DataSource dataSource() {
        return dataSource(login);
    }

    /** The same connections: a server's transactions take their locks as they go. */
    @Override
    public DataSource writerDataSource() {
        return dataSource(login);
    }

    @Override
    public String migrations() {
        return MIGRATIONS;
    }

    @Override
    public boolean runsReadExportedSnapshots() {
        return true;
    }

    private static DataSource dataSource(PostgresLogin login) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(login.url());
        if (login.user() != null) {
            ds.setUser(login.user());
        }
        if (login.password() != null) {
            ds.setPassword(login.password());
        }
        // Values are bound as text, as for SQLite; the server casts them to the column's type (date, timestamptz).
        ds.setStringType("unspecified");
        ds.setApplicationName("chokepoint");
        ds.setConnectTimeout(10);
        ds.setTcpKeepAlive(true);
        return ds;
    }

    /** Opens and closes one connection: a wrong password or an unreachable server is one line, before any work. */
    static void check(PostgresLogin login) {
        try (Connection c = dataSource(login).getConnection()) {
            c.isValid(10);
        } catch (SQLException e) {
            throw new TrackerException("cannot connect to the tracker database " + login + ": " + firstLine(e)
                    + "; check the URL, CHOKEPOINT_DB_USER and the password (CHOKEPOINT_DB_PASSWORD,"
                    + " CHOKEPOINT_DB_PASSWORD_FILE or ~/.pgpass)", e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
