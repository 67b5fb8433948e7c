package io.chokepoint.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import io.chokepoint.tracking.store.ExportRequest;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export}: write a table as a CSV file that {@code import} reads back unchanged. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
                "Exports a table as a CSV file in the format of the sample data (same header and column order, "
                        + "plain numbers, ISO dates, empty for unknown). The file appears only when complete.",
                "With --as-of, the file holds what the tracker knew on that day: later events, projects announced "
                        + "later with no earlier evidence, baselines published later (or, undated, of later years) and controls announced later are left out."})
final class ExportCommand implements Callable<Integer> {

    private final Environment environment;

    @Parameters(index = "0", paramLabel = "projects|events|baselines|controls", converter = TableConverter.class,
            description = "Which table to export.")
    TrackerTable table;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The file to write (replaced if it exists).")
    Path file;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Export the tracker as it was known on this day.")
    LocalDate asOf;

    @Option(names = "--raw", description = "Write text that starts like a formula (= + - @) as it is; by default it"
            + " gets a leading ' so that a spreadsheet shows it as text (import takes the ' off again).")
    boolean raw;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    ExportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        TrackerDatabase db = tracker.open(environment);
        environment.out().println(db.exporter().run(new ExportRequest(table, file, asOf, raw)));
        return ExitCode.OK;
    }
}
