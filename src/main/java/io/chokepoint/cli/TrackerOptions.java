package io.chokepoint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;

import picocli.CommandLine.Option;

/** The {@code --home} and {@code --db} options shared by every command that reads the tracker. */
final class TrackerOptions {

    static final String DEFAULT_DB = "chokepoint.db";

    @Option(names = "--home", paramLabel = "DIR",
            description = "The tracker's home: its tracker file, reports folder and settings are found here, and"
                    + " relative paths resolve against it (default: $CHOKEPOINT_HOME, else the current directory).")
    Path home;

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "Tracker SQLite file, which must exist, or the JDBC URL of a PostgreSQL database (user from"
                    + " $CHOKEPOINT_DB_USER, password from $CHOKEPOINT_DB_PASSWORD, $CHOKEPOINT_DB_PASSWORD_FILE or"
                    + " the user's .pgpass) (default: $CHOKEPOINT_DB, else " + DEFAULT_DB
                    + " in the home, made with the sample data on first use; chokepoint init makes others).")
    String db;

    /**
     * The home and tracker file these options name. A home or tracker file that is named (by option or variable)
     * but does not exist is an error: only {@code init} and the default path make a new tracker.
     *
     * @throws TrackerException one line naming the option and the way out
     */
    TrackerHome home(Map<String, String> env) {
        TrackerHome resolved = locate(env);
        if (!Files.isDirectory(resolved.directory())) {
            String named = home != null ? "--home " + home : "CHOKEPOINT_HOME=" + env.get("CHOKEPOINT_HOME");
            throw new TrackerException(named + ": no such directory " + resolved.directory() + "; give the folder"
                    + " that holds the tracker, or make a new tracker there with: chokepoint init --home "
                    + resolved.directory());
        }
        if (resolved.server() != null) {
            return resolved;
        }
        if (!resolved.defaultDb() && !Files.exists(resolved.db())) {
            String given = resolved.dbSource().equals("--db") ? "--db " + db : "CHOKEPOINT_DB=" + env.get("CHOKEPOINT_DB");
            throw new TrackerException(given + ": no such tracker file " + resolved.db() + "; check the path, or make"
                    + " a new tracker with: chokepoint init --db " + resolved.db() + " [--sample]");
        }
        return resolved;
    }

    /** As {@link #home}, without checking that anything exists (for {@code init}). */
    TrackerHome locate(Map<String, String> env) {
        String homeFromEnv = blankToNull(env.get("CHOKEPOINT_HOME"));
        Path directory = (home != null ? home : Path.of(homeFromEnv != null ? homeFromEnv : ""))
                .toAbsolutePath().normalize();
        String dbFromEnv = blankToNull(env.get("CHOKEPOINT_DB"));
        Path file;
        String source;
        refuseOtherDatabases(db, "--db " + db);
        refuseOtherDatabases(db == null ? dbFromEnv : null, "CHOKEPOINT_DB=" + dbFromEnv);
        if (db != null) {
            source = "--db";
            if (PostgresLogin.isServerUrl(db)) {
                return new TrackerHome(directory, null, source, db);
            }
            file = Path.of(db);
        } else if (dbFromEnv != null) {
            source = "CHOKEPOINT_DB";
            if (PostgresLogin.isServerUrl(dbFromEnv)) {
                return new TrackerHome(directory, null, source, dbFromEnv);
            }
            file = Path.of(dbFromEnv);
        } else {
            file = Path.of(DEFAULT_DB);
            source = null;
        }
        return new TrackerHome(directory, directory.resolve(file).toAbsolutePath().normalize(), source);
    }

    /** The tracker file's path, checked as {@link #home} does. */
    Path resolve(Map<String, String> env) {
        return home(env).db();
    }

    /**
     * Opens the tracker. On the home's default path the first time, it is made with the sample data, and a line on
     * stderr says so.
     */
    TrackerDatabase open(Environment environment) {
        TrackerHome resolved = home(environment.env());
        if (resolved.server() != null) {
            return TrackerDatabase.open(DatabaseLogin.resolve(resolved.server(), environment.env()));
        }
        boolean creating = !Files.exists(resolved.db());
        TrackerDatabase tracker = TrackerDatabase.open(resolved.db());
        if (creating) {
            environment.note("Note: made a new tracker " + resolved.db() + " with the sample data (the home's"
                    + " default tracker, on first use)");
        }
        return tracker;
    }

    /** Connects to an existing tracker; never makes one. */
    TrackerDatabase connect(Environment environment) {
        TrackerHome resolved = home(environment.env());
        if (resolved.server() != null) {
            return TrackerDatabase.connect(DatabaseLogin.resolve(resolved.server(), environment.env()));
        }
        if (!Files.exists(resolved.db())) {
            throw new TrackerException("no tracker " + resolved.db() + " in the home " + resolved.directory()
                    + "; give its home with --home or its file with --db, or make one with: chokepoint init");
        }
        return TrackerDatabase.connectChecked(resolved.db());
    }

    /**
     * A JDBC URL of a database other than PostgreSQL would otherwise be taken for a file name ("no such tracker file
     * .../jdbc:mysql:/..."): say which two kinds of tracker there are.
     */
    static void refuseOtherDatabases(String value, String named) {
        if (value != null && !PostgresLogin.isServerUrl(value) && value.regionMatches(true, 0, "jdbc:", 0, 5)) {
            int colon = value.indexOf(':', 5);
            String kind = colon > 5 ? value.substring(5, colon) : value.substring(5);
            throw new TrackerException(named + ": " + (kind.isEmpty() ? "this JDBC URL" : kind) + " is not supported;"
                    + " a tracker is a SQLite file (give its path) or a PostgreSQL database"
                    + " (jdbc:postgresql://HOST[:PORT]/DATABASE)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
