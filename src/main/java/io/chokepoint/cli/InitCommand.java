package io.chokepoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;

import io.chokepoint.tracking.TrackerDatabase;
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
}
