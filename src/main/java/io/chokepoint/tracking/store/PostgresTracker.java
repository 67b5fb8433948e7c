package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/** Connecting to a tracker in a PostgreSQL database, and migrating its schema. */
final class PostgresTracker {

    /**
     * PostgreSQL's copies of the migrations, with the same versions as SQLite's (and the same Java migration 6.1):
     * one history, two dialects. Outside {@code db/migration}, which Flyway scans recursively for SQLite.
     */
    static final String MIGRATIONS = "classpath:db/migration-postgresql";

    private PostgresTracker() {
    }

    static DataSource dataSource(PostgresLogin login) {
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

    static void migrate(PostgresLogin login, TrackerDatabase db) {
        DataSource ds = dataSource(login);
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .javaMigrations(new TypedFactsMigration())
                    .loggers("slf4j")
                    .load();
            // One Flyway both looks for a newer history and migrates: its classpath scan is paid for once.
            TrackerDatabase.refuseNewerSchema(flyway.info().all(), login.url());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new TrackerException("cannot open tracker database " + login + ": "
                    + TrackerDatabase.rootMessage(e), e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
