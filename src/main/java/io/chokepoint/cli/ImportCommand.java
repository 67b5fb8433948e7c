package io.chokepoint.cli;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

import io.chokepoint.batch.RunLock;
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
 * {@code import}: load a CSV file of projects, events, baselines or stakeholders into the tracker, all rows or
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

    /** The file name that means standard input, and how problems name it. */
    private static final String STDIN = "-";
    private static final String STDIN_NAME = "stdin";

    /** The kind that is not a tracker table: stakeholders have their own import. */
    private static final String STAKEHOLDERS = "stakeholders";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "projects|events|baselines|stakeholders",
            description = "Which table the file holds (stakeholders: columns email,name,stages,countries).")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The CSV file to import, or - for standard input.")
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
        // A run reads the tracker in chunks over minutes: on SQLite an import holds the run's lock, so it neither
        // changes the tracker under a run nor waits on one (a run started meanwhile is refused the same way). On
        // PostgreSQL a run reads one snapshot (REPEATABLE READ) and the import is one transaction: they go side by
        // side, and imports wait for each other.
        return InputChange.locked(db, environment, RunLock.Activity.IMPORT, "nothing was imported",
                "import when it has finished", () -> importRows(db, table, progress));
    }

    private int importRows(TrackerDatabase db, TrackerTable table, LongConsumer progress) {
        PrintWriter err = environment.err();
        try {
            ImportRequest request = new ImportRequest(table, file, dryRun, future.rule(environment.clock()));
            ImportSummary summary = STDIN.equals(file.toString())
                    ? db.importer().run(request, STDIN_NAME, new InputStreamReader(environment.in(),
                            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)), progress)
                    : db.importer().run(request, progress);
            summary.warnings().forEach(w -> err.println("warning: " + w));
            environment.out().println(summary);
            return ExitCode.OK;
        } catch (InvalidDataException e) {
            e.problems().forEach(err::println);
            int count = e.problems().size();
            err.println((STDIN.equals(file.toString()) ? STDIN_NAME : file) + ": " + count
                    + (count == 1 ? " problem" : " problems") + ", nothing was imported");
            return ExitCode.INPUT;
        }
    }
}
