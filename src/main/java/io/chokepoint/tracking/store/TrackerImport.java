package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FutureDates;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.TrackerException;
import io.chokepoint.tracking.TrackerTable;
import io.chokepoint.tracking.csv.TrackerCsv;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Imports a CSV file of one table into the tracker, all rows or none.
 *
 * <p>The file is read once. Each row is checked as it is read and, if valid, written with its line number to a
 * temporary staging table of the same connection, in batches, so memory does not grow with the file. Then, in the
 * same transaction, set-based statements find what needs the whole file (a key repeated within the file, an event
 * for a facility the tracker does not have), and merge the staged rows into the tracker: projects by id, events by
 * their identity (facility, date, kind, status after, value, source; a re-recorded event can only change its
 * notes), baselines by their natural key. The transaction is rolled back if any problem was found (every problem
 * is then reported, in line order) or if only a dry run was asked for. Importing the same file twice changes
 * nothing.
 *
 * <p>Thread-safe: every import uses its own connection.
 */
public final class TrackerImport {

    /** The progress listener hears the number of rows read every this many rows. */
    public static final int PROGRESS_INTERVAL = 10_000;

    /** The key of the transaction-level advisory lock that serializes imports on PostgreSQL. */
    private static final long IMPORT_LOCK = 0x43484b50494d5054L; // "CHKPIMPT"

    private final Jdbi jdbi;

    private final Dialect dialect;

    TrackerImport(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /**
     * Imports the file; throws {@link InvalidDataException} with every problem found, having written nothing.
     *
     * @param progress hears the number of rows read so far, every {@link #PROGRESS_INTERVAL} rows
     */
    public ImportSummary run(ImportRequest request, LongConsumer progress) {
        String name = request.file().toString();
        try (Reader in = Files.newBufferedReader(request.file(), StandardCharsets.UTF_8)) {
            return run(request, name, in, progress);
        } catch (NoSuchFileException e) {
            throw new TrackerException("cannot import " + name + ": no such file");
        } catch (IOException e) {
            throw new TrackerException("cannot import " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #run(ImportRequest, LongConsumer)}, reading the CSV text from {@code in} (standard input), named
     * {@code name} in problems.
     */
    public ImportSummary run(ImportRequest request, String name, Reader in, LongConsumer progress) {
        return jdbi.withHandle(h -> importFile(h, request, name, in, progress));
    }

    private ImportSummary importFile(Handle handle, ImportRequest request, String name, Reader in,
                                            LongConsumer progress) {
        handle.begin();
        try {
            if (dialect == Dialect.POSTGRESQL) {
                // One import at a time per tracker: a second waits for the first to commit or roll back, then
                // stages against what it left, instead of failing on the rows both insert.
                handle.execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")");
            }
            Staging<?> staging = switch (request.table()) {
                case PROJECTS -> new ProjectStaging(handle, name, progress);
                case EVENTS -> new EventStaging(handle, name, progress);
                case BASELINES -> new BaselineStaging(handle, name, progress);
                case CONTROLS -> new ControlStaging(handle, name, progress);
            };
            staging.read(in);
            staging.checkWholeFile();
            List<DataProblem> warnings = staging.futureDates(request.futureDates());
            List<DataProblem> problems = staging.problems;
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingLong(DataProblem::line)); // stable: a row's problems keep their order
                handle.rollback();
                throw new InvalidDataException(problems);
            }
            long updated = staging.update();
            long added = staging.insert();
            if (request.dryRun()) {
                handle.rollback();
            } else {
                handle.commit();
            }
            return new ImportSummary(name, request.table(), staging.rows, added, updated,
                    staging.rows - added - updated, request.dryRun(), warnings);
        } catch (RuntimeException e) {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
            throw e;
        }
    }

    /**
     * One import's staging table ({@code import_row}: the table's columns plus the row's key within the file and
     * its line) and the problems found so far. Invalid rows are staged only with what the whole-file checks need;
     * they never reach the merge, since any problem rolls the import back first. Not thread-safe.
     */
    private abstract static class Staging<T> {
        final Handle handle;
        final String file;
        final LongConsumer progress;
        final List<DataProblem> problems = new ArrayList<>();
        final BatchWriter<Line<T>> writer;
        final List<String> columns;
        final Dialect dialect;
        long rows;

        /** A row and the line it starts on. */
        record Line<V>(long line, V value) {
        }

        Staging(Handle handle, String file, LongConsumer progress, String table, List<String> columns) {
            this.handle = handle;
            this.file = file;
            this.progress = progress;
            this.columns = columns;
            try {
                this.dialect = Dialect.of(handle.getConnection());
            } catch (java.sql.SQLException e) {
                throw new TrackerException("cannot import " + file + ": " + e.getMessage(), e);
            }
            // A temporary table belongs to this connection and disappears with it; created inside the
            // transaction, it is also rolled back with it. Its columns take the declared types of the target
            // table, so staged values compare with stored ones exactly as they would be stored.
            handle.execute("DROP TABLE IF EXISTS " + (dialect == Dialect.SQLITE ? "temp" : "pg_temp") + ".import_row");
            handle.execute("CREATE TEMP TABLE import_row AS SELECT '' AS key, 0 AS line, "
                    + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0");
            writer = new BatchWriter<>(handle, "INSERT INTO import_row (key, line, " + String.join(", ", columns)
                    + ") VALUES (:key, :line, " + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                    + ")", (batch, row) -> bind(batch.bind("key", key(row.value())).bind("line", row.line()),
                    row.value()));
        }

        /** Reads the file with the table's reader, handing its rows to {@code rows}. */
        abstract void readRows(Reader in, TrackerCsv.Rows<T> rows);

        /** The row's key within the file: two rows with the same key are one row too many. */
        abstract String key(T value);

        abstract PreparedBatch bind(PreparedBatch batch, T value);

        /** Adds problems that need the whole file; the staged rows are complete when this is called. */
        abstract void checkWholeFile();

        /** Changes the stored rows that differ from their staged row; returns how many. */
        abstract long update();

        /** Inserts the staged rows that are not stored yet, in file order; returns how many. */
        abstract long insert();

        /** Reads the file once, staging its valid rows. */
        void read(Reader in) {
            readRows(in, new TrackerCsv.Rows<>() {
                @Override
                public void valid(long line, T value) {
                    writer.add(new Line<>(line, value));
                }

                @Override
                public void invalid(long line, Function<String, String> raw) {
                    invalidRow(line, raw);
                }

                @Override
                public void read(long count) {
                    rows = count;
                    if (count % PROGRESS_INTERVAL == 0) {
                        progress.accept(count);
                    }
                }
            });
            writer.flush();
        }

        /** A row with problems; by default it is not staged. */
        void invalidRow(long line, Function<String, String> raw) {
        }

        /**
         * Reports every row whose key an earlier line of the file already had; {@code message} receives the key's
         * first line and the repeating row's {@code detail} column.
         */
        void repeatedKeys(String column, String detail, Function<Repeat, String> message) {
            handle.execute(dialect == Dialect.SQLITE ? "CREATE INDEX temp.import_row_key ON import_row (key, line)"
                    : "CREATE INDEX import_row_key ON import_row (key, line)");
            handle.createQuery("SELECT r.line AS line, f.first AS first, " + detail + " AS detail FROM import_row r"
                            + " JOIN (SELECT key, min(line) AS first FROM import_row WHERE key IS NOT NULL"
                            + " GROUP BY key HAVING count(*) > 1) f"
                            + " ON f.key = r.key WHERE r.line > f.first ORDER BY r.line")
                    .map((rs, ctx) -> new Repeat(rs.getLong("line"), rs.getLong("first"), rs.getString("detail")))
                    .forEach(r -> problems.add(new DataProblem(file, r.line(), column, message.apply(r))));
        }

        record Repeat(long line, long first, String detail) {
        }

        /**
         * Finds the staged dates more than a year ahead: problems, or with {@code --allow-future} the warnings
         * returned. Dates are stored as ISO text, which sorts as the dates do.
         */
        List<DataProblem> futureDates(FutureDates rule) {
            List<DataProblem> found = new ArrayList<>();
            if (rule == null) {
                return found;
            }
            for (String column : columns) {
                if (FutureDates.COLUMNS.contains(column)) {
                    handle.createQuery("SELECT line, " + column + " AS value FROM import_row WHERE " + column
                                    + " > :latest ORDER BY line")
                            .bind("latest", rule.latest().toString())
                            .map((rs, ctx) -> new DataProblem(file, rs.getLong("line"), column,
                                    rule.problem(rs.getString("value"))))
                            .forEach(found::add);
                }
            }
            found.sort(Comparator.comparingLong(DataProblem::line));
            if (rule.allowed()) {
                return found;
            }
            problems.addAll(found);
            return List.of();
        }

        long execute(String sql) {
            return handle.createUpdate(sql).execute();
        }
    }

    /**
     * A table whose rows are keyed by their id (projects, export controls): a repeated id in the file is a problem,
     * a staged row replaces the stored row of its id where any column differs, and a new id is inserted.
     */
    private abstract static class KeyedById<T> extends Staging<T> {
        private final String table;

        KeyedById(Handle handle, String file, LongConsumer progress, String table, List<String> columns) {
            super(handle, file, progress, table, columns);
            this.table = table;
        }

        @Override
        void checkWholeFile() {
            repeatedKeys("id", "r.id", r -> "duplicate id '" + r.detail() + "', already on line " + r.first());
        }

        @Override
        long update() {
            List<String> others = columns.stream().filter(c -> !c.equals("id")).toList();
            return execute("UPDATE " + table + " AS p SET "
                    + others.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + " FROM import_row AS s WHERE s.id = p.id AND ("
                    + others.stream().map(c -> dialect.distinct("p." + c, "s." + c)).collect(Collectors.joining(" OR "))
                    + ")");
        }

        @Override
        long insert() {
            String names = String.join(", ", columns);
            return execute("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM import_row AS s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " p WHERE p.id = s.id) ORDER BY s.line");
        }
    }

    private static final class ProjectStaging extends KeyedById<Project> {
        private static final List<String> COLUMNS = TrackerTable.PROJECTS.columns();

        ProjectStaging(Handle handle, String file, LongConsumer progress) {
            super(handle, file, progress, "project", COLUMNS);
        }

        @Override
        void readRows(Reader in, TrackerCsv.Rows<Project> rows) {
            TrackerCsv.readProjectRows(file, in, rows, problems);
        }

        @Override
        String key(Project p) {
            return p.id();
        }

        @Override
        PreparedBatch bind(PreparedBatch batch, Project p) {
            return FactColumns.bind(batch, p);
        }

        /** A project's id is known even when other columns are wrong: a later row with it is a duplicate all the same. */
        @Override
        void invalidRow(long line, Function<String, String> raw) {
            String id = raw.apply("id").strip();
            if (!id.isEmpty()) {
                handle.createUpdate("INSERT INTO import_row (key, line, id) VALUES (:id, :line, :id)")
                        .bind("id", id)
                        .bind("line", line)
                        .execute();
            }
        }
    }

    private static final class EventStaging extends Staging<FacilityEvent> {
        private static final List<String> COLUMNS = TrackerStore.EVENT_COLUMNS;
        private static final String SAME_EVENT = TrackerStore.sameEvent("e", "s");

        EventStaging(Handle handle, String file, LongConsumer progress) {
            super(handle, file, progress, "facility_event", COLUMNS);
        }

        @Override
        void readRows(Reader in, TrackerCsv.Rows<FacilityEvent> rows) {
            TrackerCsv.readEventRows(file, in, rows, problems);
        }

        @Override
        String key(FacilityEvent e) {
            return String.join("\u001f", e.identity());
        }

        @Override
        PreparedBatch bind(PreparedBatch batch, FacilityEvent e) {
            return TrackerStore.bindEvent(batch, e);
        }

        /** An invalid row's facility is checked all the same; without a key, the row is no duplicate. */
        @Override
        void invalidRow(long line, Function<String, String> raw) {
            String facility = raw.apply("facility_id").strip();
            if (!facility.isEmpty()) {
                handle.createUpdate("INSERT INTO import_row (key, line, facility_id) VALUES (NULL, :line, :facility)")
                        .bind("line", line)
                        .bind("facility", facility)
                        .execute();
            }
        }

        @Override
        void checkWholeFile() {
            repeatedKeys("row", "''", r -> "the same event (" + String.join(", ", FacilityEvent.IDENTITY)
                    .replaceFirst(", source$", " and source") + ") is already on line " + r.first());
            handle.createQuery("SELECT s.line AS line, s.facility_id AS facility FROM import_row s"
                            + " WHERE NOT EXISTS (SELECT 1 FROM project p WHERE p.facility_id = s.facility_id)"
                            + " ORDER BY s.line")
                    .map((rs, ctx) -> new DataProblem(file, rs.getLong("line"), "facility_id", "unknown facility '"
                            + rs.getString("facility") + "': no project in the tracker has this facility_id"
                            + " (import its projects first)"))
                    .forEach(problems::add);
            handle.createQuery("SELECT s.line AS line, s.facility_id AS facility, s.stage AS stage FROM import_row s"
                            + " WHERE s.stage IS NOT NULL AND EXISTS (SELECT 1 FROM project p"
                            + " WHERE p.facility_id = s.facility_id) AND NOT EXISTS (SELECT 1 FROM project p"
                            + " WHERE p.facility_id = s.facility_id AND p.stage = s.stage) ORDER BY s.line")
                    .map((rs, ctx) -> new DataProblem(file, rs.getLong("line"), "stage", "facility '"
                            + rs.getString("facility") + "' has no " + rs.getString("stage") + " row (an event's"
                            + " stage must be one of its facility's stages)"))
                    .forEach(problems::add);
        }

        /** A re-recorded event can change only its notes and the typed facts read from it. */
        @Override
        long update() {
            List<String> revisable = TrackerStore.EVENT_REVISABLE_COLUMNS;
            return execute("UPDATE facility_event AS e SET "
                    + revisable.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + " FROM import_row AS s WHERE " + SAME_EVENT + " AND ("
                    + revisable.stream().map(c -> dialect.distinct("e." + c, "s." + c)).collect(Collectors.joining(" OR "))
                    + ")");
        }

        @Override
        long insert() {
            String names = String.join(", ", COLUMNS);
            return execute("INSERT INTO facility_event (" + names + ") SELECT " + names + " FROM import_row AS s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM facility_event e WHERE " + SAME_EVENT + ") ORDER BY s.line");
        }
    }

    private static final class BaselineStaging extends Staging<Baseline> {
        private static final List<String> COLUMNS = TrackerStore.BASELINE_COLUMNS;
        // The natural key of the unique indexes baseline_value_identity (V1) and baseline_share_identity (V2): one
        // valued row per (country, stage, year, ree_group; V9); a share-only row is identified by its basis and notes too.
        private static final String SAME_BASELINE = "b.country = s.country AND b.stage = s.stage AND b.year = s.year"
                + " AND ((b.value_tpa IS NOT NULL AND ifnull(b.ree_group, '') = ifnull(s.ree_group, '') AND s.value_tpa IS NOT NULL) OR (b.value_tpa IS NULL"
                + " AND s.value_tpa IS NULL AND b.basis = s.basis AND ifnull(b.notes, '') = ifnull(s.notes, '')))";

        BaselineStaging(Handle handle, String file, LongConsumer progress) {
            super(handle, file, progress, "baseline", COLUMNS);
        }

        @Override
        void readRows(Reader in, TrackerCsv.Rows<Baseline> rows) {
            TrackerCsv.readBaselineRows(file, in, rows, problems);
        }

        @Override
        String key(Baseline b) {
            return b.hasValue()
                    ? String.join("\u001f", "value", b.country().code(), b.stage().code(), String.valueOf(b.year()),
                            nonNull(b.reeGroup()))
                    : String.join("\u001f", "share", b.country().code(), b.stage().code(), String.valueOf(b.year()),
                            b.basis(), nonNull(b.notes()));
        }

        @Override
        PreparedBatch bind(PreparedBatch batch, Baseline b) {
            return TrackerStore.bindBaseline(batch, b);
        }

        @Override
        void checkWholeFile() {
            repeatedKeys("row", "CASE WHEN r.value_tpa IS NOT NULL THEN 1 ELSE 0 END", r -> (r.detail().equals("1")
                    ? "a valued baseline for the same country, stage and year is already on line "
                    : "the same share-only baseline (country, stage, year, basis and notes) is already on line ")
                    + r.first());
        }

        @Override
        long update() {
            List<String> columns = COLUMNS;
            return execute("UPDATE baseline AS b SET "
                    + columns.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", "))
                    + " FROM import_row AS s WHERE " + SAME_BASELINE + " AND ("
                    + columns.stream().map(c -> dialect.distinct("b." + c, "s." + c)).collect(Collectors.joining(" OR "))
                    + ")");
        }

        @Override
        long insert() {
            String names = String.join(", ", COLUMNS);
            return execute("INSERT INTO baseline (" + names + ") SELECT " + names + " FROM import_row AS s"
                    + " WHERE NOT EXISTS (SELECT 1 FROM baseline b WHERE " + SAME_BASELINE + ") ORDER BY s.line");
        }
    }

    /** Export controls, merged by id: a re-imported control takes the file's values (dates move as news does). */
    private static final class ControlStaging extends KeyedById<io.chokepoint.tracking.ExportControl> {
        private static final List<String> COLUMNS = TrackerTable.CONTROLS.columns();

        ControlStaging(Handle handle, String file, LongConsumer progress) {
            super(handle, file, progress, "export_control", COLUMNS);
        }

        @Override
        void readRows(Reader in, TrackerCsv.Rows<io.chokepoint.tracking.ExportControl> rows) {
            TrackerCsv.readControlRows(file, in, rows, problems);
        }

        @Override
        String key(io.chokepoint.tracking.ExportControl c) {
            return c.id();
        }

        @Override
        PreparedBatch bind(PreparedBatch batch, io.chokepoint.tracking.ExportControl c) {
            return FactColumns.bindControl(batch, c);
        }

    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
