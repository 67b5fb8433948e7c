package io.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import io.chokepoint.batch.RunLock;
import io.chokepoint.tracking.TrackerException;
import io.chokepoint.tracking.store.ExportRequest;
import io.chokepoint.tracking.store.ExportSummary;
import io.chokepoint.tracking.store.SqliteFile;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.store.TrackerFile;
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
                        + "later with no earlier evidence, and baselines published later (or, undated, of later years) are left out."})
final class ExportCommand implements Callable<Integer> {

    /** The file name that means standard output. */
    private static final String STDOUT = "-";

    private final Environment environment;

    @Parameters(index = "0", paramLabel = "projects|events|baselines", converter = TableConverter.class,
            description = "Which table to export.")
    TrackerTable table;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The file to write (replaced if it exists), or - for standard output. The tracker's own"
            + " files, devices and pipes are refused.")
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
        ExportRequest request = new ExportRequest(table, file, asOf, raw);
        if (STDOUT.equals(file.toString())) {
            PrintWriter out = environment.data();
            ExportSummary summary = db.exporter().run(request, out);
            out.flush();
            // stdout holds the CSV only
            environment.note("Exported " + summary.rows() + (summary.rows() == 1 ? " row" : " rows") + " of "
                    + table.code() + " to standard output");
            return ExitCode.OK;
        }
        refuseTrackerFiles(db);
        environment.out().println(db.exporter().run(request));
        return ExitCode.OK;
    }

    /**
     * The tracker and the files SQLite and the run keep beside it are never written over, under whatever name they
     * are given (symlinks followed, {@code ..} resolved, hard links compared by file).
     */
    private void refuseTrackerFiles(TrackerDatabase db) {
        if (!(db.backend() instanceof SqliteFile)) {
            return;
        }
        Path target = TrackerFile.realPath(file);
        Path tracked = db.file();
        Path jobs = db.jobRepositoryFile();
        List<Path> own = List.of(tracked, sidecar(tracked, "-wal"), sidecar(tracked, "-shm"), RunLock.fileFor(tracked),
                jobs, sidecar(jobs, "-wal"), sidecar(jobs, "-shm"));
        for (Path path : own) {
            if (same(target, path)) {
                throw new TrackerException("cannot export to " + file + ": it is " + (path.equals(tracked)
                        ? "the tracker itself" : "the tracker's file " + path) + ", which export would replace;"
                        + " give a new file name such as " + table.code() + ".csv, or - for standard output");
            }
        }
    }

    private static Path sidecar(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
