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

    public ExportSummary run(ExportRequest request) {
        Path target = request.file().toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new TrackerException("cannot export to " + request.file() + ": it is a directory, expected a file"
                    + " name such as " + request.table().code() + ".csv");
        }
        String asOf = request.asOf() == null ? null : request.asOf().toString();
        // PostgreSQL must know the parameter's type to test it for NULL.
        String unset = dialect == Dialect.SQLITE ? ":asOf IS NULL" : "CAST(:asOf AS date) IS NULL";
        long rows = switch (request.table()) {
            case PROJECTS -> write(request, target, h -> h.createQuery("SELECT " + ProjectColumns.NAMES
                            + " FROM project p WHERE " + unset + " OR p.announced_on IS NULL OR p.announced_on <= :asOf"
                            + " OR p.status_as_of <= :asOf OR EXISTS (SELECT 1 FROM facility_event e"
                            + " WHERE e.facility_id = p.facility_id AND e.date <= :asOf)"
                            + " ORDER BY p.rowid").bind("asOf", asOf),
                    rs -> FactText.projectValues(ProjectColumns.read(rs)));
            case EVENTS -> write(request, target, h -> h.createQuery("SELECT * FROM facility_event"
                            + " WHERE " + unset + " OR date <= :asOf ORDER BY id").bind("asOf", asOf),
                    rs -> FactText.eventValues(ProjectColumns.readEvent(rs)));
            case BASELINES -> write(request, target, h -> h.createQuery("SELECT * FROM baseline"
                            + " WHERE " + unset + " OR published_on <= :asOf"
                            + " OR (published_on IS NULL AND year <= :year) ORDER BY id")
                            .bind("asOf", asOf)
                            .bind("year", request.asOf() == null ? null : request.asOf().getYear()),
                    rs -> FactText.baselineValues(ProjectColumns.readBaseline(rs)));
            case CONTROLS -> write(request, target, h -> h.createQuery("SELECT * FROM export_control"
                            + " WHERE " + unset + " OR announced_on <= CAST(:asOf AS " + (dialect == Dialect.SQLITE
                            ? "text" : "date") + ") ORDER BY id").bind("asOf", asOf),
                    rs -> FactText.controlValues(ProjectColumns.readControl(rs)));
        };
        return new ExportSummary(request.file(), request.table(), rows);
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

    private static void print(CSVPrinter printer, List<String> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
