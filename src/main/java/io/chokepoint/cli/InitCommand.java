package io.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code init}: make a new tracker on purpose, the only way besides the home's default path on first use. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Makes a new tracker: chokepoint.db in the home (or the --db file), empty, or with --sample the"
                + " sample data. The home folder is made if needed. A tracker file that exists is never touched."})
final class InitCommand implements Callable<Integer> {

    private final Environment environment;

    @Option(names = "--sample", description = "Load the embedded sample data (projects, events, baselines).")
    boolean sample;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    InitCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TrackerHome home = tracker.locate(environment.env());
        if (home.server() != null) {
            return initServer(home);
        }
        if (Files.exists(home.db())) {
            throw new TrackerException("cannot make a tracker at " + home.db() + ": the file exists; use it as it is, or"
                    + " give another path with --db or --home");
        }
        try {
            Files.createDirectories(home.directory());
        } catch (IOException e) {
            throw new TrackerException("cannot make the home folder " + home.directory() + ": " + e.getMessage(), e);
        }
        if (sample) {
            TrackerDatabase.open(home.db());
        } else {
            TrackerDatabase.createEmpty(home.db());
        }
        environment.out().println("Made a new tracker " + home.db() + (sample ? " with the sample data" : ", empty")
                + "; its reports go to " + home.reports(null));
        return ExitCode.OK;
    }

    /** On a server the database exists already (made by its administrator): init gives it the schema. */
    private int initServer(TrackerHome home) {
        TrackerDatabase db = TrackerDatabase.open(DatabaseLogin.resolve(home.server(), environment.env()));
        if (db.trackedProjects().projectCount() > 0 || !db.trackedProjects().baselines().isEmpty()) {
            throw new TrackerException("cannot make a tracker in " + home.server() + ": it holds a tracker already;"
                    + " use it as it is, or give another database with --db");
        }
        if (sample) {
            db.loadSample();
        }
        environment.out().println("Made a new tracker in " + home.server() + (sample ? " with the sample data"
                : ", empty") + "; its reports go to " + home.reports(null));
        return ExitCode.OK;
    }
}
