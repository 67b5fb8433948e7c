package io.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.tracking.store.ImportRequest;
import io.chokepoint.tracking.store.ImportSummary;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import}: load a CSV file of projects, events, baselines, export controls or stakeholders into the tracker, all rows or
 * none.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
                "Imports a CSV file in the format of the sample data (columns found by name, in any order; UTF-8, "
                        + "with or without a byte-order mark) in one transaction: every row or none.",
                "Projects are updated by id, identical events and baselines are not added twice, so importing the "
                        + "same file again changes nothing. Import projects before their events.",
                "Every problem is printed as FILE:LINE: column: problem, and then nothing is written (exit 3)."})
final class ImportCommand implements Callable<Integer> {

    private final Environment environment;

    /** The kind that is not a tracker table: stakeholders have their own import. */
    private static final String STAKEHOLDERS = "stakeholders";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "projects|events|baselines|controls|stakeholders",
            description = "Which table the file holds (stakeholders: columns email,name,stages,countries).")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The CSV file to import.")
    Path file;

    @Option(names = "--dry-run", description = "Check the file and say what would change, but write nothing.")
    boolean dryRun;

    @Mixin
    FutureDateOption future = new FutureDateOption();

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    ImportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (STAKEHOLDERS.equals(kind)) {
            if (dryRun) {
                throw new ParameterException(spec.commandLine(), "--dry-run is not available for stakeholders");
            }
            return new ImportStakeholdersCommand(environment).importFile(tracker, file);
        }
        TrackerTable table;
        try {
            table = new TableConverter().convert(kind);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + " or " + STAKEHOLDERS);
        }
        PrintWriter err = environment.err();
        LongConsumer progress = environment.terminal()
                ? rows -> {
                    err.println(file + ": " + rows + " rows read");
                    err.flush();
                }
                : rows -> { };
        TrackerDatabase db = tracker.open(environment);
        // A run reads the tracker in chunks over minutes: an import holds the run's lock, so it neither changes the
        // tracker under a run nor waits on one (a run started meanwhile is refused the same way).
        if (db.server().isPresent()) {
            // On PostgreSQL a run reads one snapshot (REPEATABLE READ) and the import is one transaction: they go
            // side by side, and imports wait for each other.
            return importRows(db, table, progress);
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(db.file(), environment.clock());
        } catch (RunLockedException e) {
            err.println("a run holds the tracker " + db.file() + " (" + e.holder().map(Object::toString)
                    .orElse("holder not yet recorded") + "): nothing was imported; import when it has finished"
                    + " (see: chokepoint status)");
            return ExitCode.INPUT;
        }
        try (lock) {
            return importRows(db, table, progress);
        }
    }

    private int importRows(TrackerDatabase db, TrackerTable table, LongConsumer progress) {
        PrintWriter err = environment.err();
        try {
            ImportSummary summary = db.importer().run(new ImportRequest(table, file, dryRun,
                    future.rule(environment.clock())), progress);
            summary.warnings().forEach(w -> err.println("warning: " + w));
            environment.out().println(summary);
            return ExitCode.OK;
        } catch (InvalidDataException e) {
            e.problems().forEach(err::println);
            int count = e.problems().size();
            err.println(file + ": " + count + (count == 1 ? " problem" : " problems") + ", nothing was imported");
            return ExitCode.INPUT;
        }
    }
}
