package io.chokepoint.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that reads the tracker. */
final class TrackerOptions {

    static final String DEFAULT_DB = "chokepoint.db";

    @Option(names = "--db", paramLabel = "PATH",
            description = "Tracker SQLite file (default: $CHOKEPOINT_DB, else ./" + DEFAULT_DB
                    + "; run creates it with the sample data if missing).")
    Path db;

    Path resolve(Map<String, String> env) {
        if (db != null) {
            return db;
        }
        String fromEnv = env.get("CHOKEPOINT_DB");
        return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_DB : fromEnv);
    }
}
