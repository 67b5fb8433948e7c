package io.chokepoint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.store.TrackerCopy;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chokepoint db copy}: moves a tracker, e.g. from its SQLite file into a team's PostgreSQL database. */
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = DbCommand.Copy.class,
        description = "Tracker database operations.")
final class DbCommand implements Callable<Integer> {

    private final Environment environment;

    @Spec
    CommandSpec spec;

    DbCommand(Environment environment) {
        this.environment = environment;
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        environment.err().println("Missing subcommand: copy");
        spec.commandLine().usage(environment.err());
        return ExitCode.USAGE;
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copies every table of a tracker (projects, events, baselines, stakeholders, deliveries,"
                    + " period rows) into another, in one transaction, then checks that the row counts and the input"
                    + " fingerprints of both sides agree. The target's schema is made or migrated first. A target"
                    + " that holds rows is refused unless --replace. The job history is not copied.",
                    "A jdbc:postgresql:// side logs in as CHOKEPOINT_DB_USER with CHOKEPOINT_DB_PASSWORD,"
                            + " CHOKEPOINT_DB_PASSWORD_FILE or the user's .pgpass."})
    static final class Copy implements Callable<Integer> {

        private final Environment environment;

        @Option(names = "--from", required = true, paramLabel = "PATH|URL", description = "The tracker to copy.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "URL|PATH",
                description = "The tracker to copy into: a PostgreSQL database, or a new SQLite file.")
        String to;

        @Option(names = "--replace", description = "Replace the rows of a target that is not empty.")
        boolean replace;

        Copy(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            TrackerDatabase source = open(from, "--from", true);
            TrackerDatabase target = open(to, "--to", false);
            TrackerCopy.Result result = TrackerCopy.copy(source, target, replace);
            environment.out().println("Copied " + source.location() + " to " + target.location() + ": "
                    + result.rows().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("nothing")
                    + "; row counts and input fingerprint (" + result.fingerprint() + ") agree");
            return ExitCode.OK;
        }

        private TrackerDatabase open(String db, String option, boolean mustExist) {
            TrackerOptions.refuseOtherDatabases(db, option + " " + db);
            if (PostgresLogin.isServerUrl(db)) {
                return TrackerDatabase.open(DatabaseLogin.resolve(db, environment.env()));
            }
            Path file = Path.of(db).toAbsolutePath().normalize();
            if (mustExist && !Files.isRegularFile(file)) {
                throw new TrackerException(option + " " + db + ": no such tracker file; check the path");
            }
            return mustExist ? TrackerDatabase.open(file)
                    : Files.exists(file) ? TrackerDatabase.open(file) : TrackerDatabase.createEmpty(file);
        }
    }
}
