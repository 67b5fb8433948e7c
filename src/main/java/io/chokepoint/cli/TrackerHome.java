package io.chokepoint.cli;

import java.nio.file.Path;
import java.util.Objects;

import io.chokepoint.batch.EmailOptions;

/**
 * Where one tracker lives: its home directory, from which its tracker file, reports folder and settings file are
 * found, and against which every relative path given on the command line resolves (never against whatever
 * directory the command happens to run in).
 *
 * @param directory the home, absolute
 * @param db        the tracker file, absolute
 * @param dbSource  how the tracker file was named: {@code --db}, {@code CHOKEPOINT_DB}, or null for the default path
 * @param server    the {@code jdbc:postgresql:} URL of a tracker on a server (then {@code db} is null), or null
 */
record TrackerHome(Path directory, Path db, String dbSource, String server) {

    static final Path DEFAULT_REPORTS = Path.of("reports");

    TrackerHome {
        Objects.requireNonNull(directory, "directory");
        if (server == null) {
            Objects.requireNonNull(db, "db");
        }
    }

    TrackerHome(Path directory, Path db, String dbSource) {
        this(directory, db, dbSource, null);
    }

    /** {@code path} against the home, unless it is absolute. */
    Path resolve(Path path) {
        return directory.resolve(path).toAbsolutePath().normalize();
    }

    /** The reports folder: {@code --reports} against the home, else {@code <home>/reports}. */
    Path reports(Path given) {
        return resolve(given == null ? DEFAULT_REPORTS : given);
    }

    /** The settings file: {@code --config} against the home, else {@code <home>/chokepoint.properties}. */
    Path settingsFile(Path given) {
        return resolve(given == null ? EmailOptions.DEFAULT_SETTINGS_FILE : given);
    }

    /** Whether the tracker file is the default one of the home (the only one made without {@code init}). */
    boolean defaultDb() {
        return dbSource == null;
    }
}
