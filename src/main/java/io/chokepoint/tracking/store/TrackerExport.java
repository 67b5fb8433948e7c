package io.chokepoint.tracking.store;

import io.chokepoint.tracking.FactText;
import io.chokepoint.tracking.csv.FormulaText;
import io.chokepoint.tracking.csv.TrackerCsv;
import io.chokepoint.tracking.TrackerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Exports a table to a CSV file in the format of the sample data (same header and column order, plain numbers, ISO
 * dates, empty for unknown), so that the file imports back unchanged. Rows come in the order they were first
 * recorded and are streamed from the database. The file is written under a temporary name in the same directory and
 * renamed into place when complete, so a failure never leaves a truncated file under the given name.
 *
 * <p>With an as-of date, the file holds what the tracker knew on that day: events dated after it, projects
 * announced after it with no evidence (event or status date) on or before it, and baselines published after it
 * (or, where the publication date is unknown, of later years) are left out. The rows that remain are exported as they are today.
 *
 * <p>Text that a spreadsheet would run as a formula is quoted ({@link FormulaText}) unless a raw export is asked for.
 *
 * <p>Thread-safe: every export uses its own connection.
 */
public final class TrackerExport {

    private final Jdbi jdbi;
    private final Dialect dialect;

    TrackerExport(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Writes the file. A symlink is followed: the file it points to is replaced, not the link. Anything there that
     * is not a regular file (a folder, a device such as {@code /dev/stdout}, a pipe) is refused, never replaced.
     */
    public ExportSummary run(ExportRequest request) {
        Path target = TrackerFile.realPath(request.file());
        if (Files.isDirectory(target)) {
            throw new TrackerException("cannot export to " + request.file() + ": it is a directory, expected a file"
                    + " name such as " + request.table().code() + ".csv");
        }
        if (Files.exists(target) && !Files.isRegularFile(target) || viaDeviceOrProcess(request.file())) {
            throw new TrackerException("cannot export to " + request.file() + ": it is not a regular file (a device"
                    + " or a pipe), which export would replace; give a file name such as " + request.table().code()
                    + ".csv, or - for standard output");
        }
        long rows = rows(request, (query, values) -> write(request, target, query, values));
        return new ExportSummary(request.file(), request.table(), rows);
    }

    /**
     * Whether the path is, or a symlink on the way leads, into {@code /dev} or {@code /proc}: {@code /dev/stdout}
     * resolves to whatever the shell's standard output is, a regular file too, which the rename would replace.
     */
    private static boolean viaDeviceOrProcess(Path file) {
        Path path = file.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40; hops++) { // Linux follows at most 40 links too
            if (path.startsWith("/dev") || path.startsWith("/proc")) {
                return true;
            }
            if (!Files.isSymbolicLink(path)) {
                return false;
            }
            try {
                path = path.resolveSibling(Files.readSymbolicLink(path)).toAbsolutePath().normalize();
            } catch (IOException e) {
                return false; // the write that follows says what is wrong
            }
        }
        return true;
    }

    /** Writes the table as CSV to {@code out} (standard output), which is flushed but not closed. */
    public ExportSummary run(ExportRequest request, Writer out) {
        long rows;
        try {
            CSVPrinter printer = TrackerCsv.printer(out, request.table().columns());
            rows = rows(request, (query, values) -> {
                long count = jdbi.inTransaction(h -> query.apply(h).map((rs, ctx) -> values.of(rs))
                        .reduce(0L, (n, row) -> {
                            print(printer, request.raw() ? row : FormulaText.escape(row));
                            return n + 1;
                        }));
                print(printer, null);
                return count;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new TrackerException("cannot export to standard output: " + e.getMessage(), e);
        }
        return new ExportSummary(request.file(), request.table(), rows);
    }

    /** Where a table's rows go: given the query and how a row becomes the header's values, returns the count. */
    @FunctionalInterface
    private interface Sink {
        long write(Function<Handle, Query> query, RowValues values);
    }

    private long rows(ExportRequest request, Sink sink) {
        String asOf = request.asOf() == null ? null : request.asOf().toString();
        // PostgreSQL must know the parameter's type to test it for NULL.
        String unset = dialect == Dialect.SQLITE ? ":asOf IS NULL" : "CAST(:asOf AS date) IS NULL";
        return switch (request.table()) {
            case PROJECTS -> sink.write(h -> h.createQuery("SELECT " + FactColumns.NAMES
                            + " FROM project p WHERE " + unset + " OR p.announced_on IS NULL OR p.announced_on <= :asOf"
                            + " OR p.status_as_of <= :asOf OR EXISTS (SELECT 1 FROM facility_event e"
                            + " WHERE e.facility_id = p.facility_id AND e.date <= :asOf)"
                            + " ORDER BY p.rowid").bind("asOf", asOf),
                    rs -> FactText.projectValues(FactColumns.read(rs)));
            case EVENTS -> sink.write(h -> h.createQuery("SELECT * FROM facility_event"
                            + " WHERE " + unset + " OR date <= :asOf ORDER BY id").bind("asOf", asOf),
                    rs -> FactText.eventValues(FactColumns.readEvent(rs)));
            case BASELINES -> sink.write(h -> h.createQuery("SELECT * FROM baseline"
                            + " WHERE " + unset + " OR published_on <= :asOf"
                            + " OR (published_on IS NULL AND year <= :year) ORDER BY id")
                            .bind("asOf", asOf)
                            .bind("year", request.asOf() == null ? null : request.asOf().getYear()),
                    rs -> FactText.baselineValues(FactColumns.readBaseline(rs)));
        };
    }

    /** A result row's values in the order of the table's header. */
    @FunctionalInterface
    private interface RowValues {
        List<String> of(ResultSet rs) throws SQLException;
    }

    private long write(ExportRequest request, Path target, Function<Handle, Query> query, RowValues values) {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            long rows;
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                 CSVPrinter printer = TrackerCsv.printer(out, request.table().columns())) {
                // In one transaction, so that PostgreSQL streams through a cursor and the file is one snapshot.
                rows = jdbi.inTransaction(h -> query.apply(h)
                        .map((rs, ctx) -> values.of(rs))
                        .reduce(0L, (count, row) -> {
                            print(printer, request.raw() ? row : FormulaText.escape(row));
                            return count + 1;
                        }));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw new TrackerException("cannot export to " + request.file() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the rename succeeded, or the original error says more than this one
            }
        }
    }

    /** Prints a row; a null row flushes. */
    private static void print(CSVPrinter printer, List<String> row) {
        try {
            if (row == null) {
                printer.flush();
                return;
            }
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
