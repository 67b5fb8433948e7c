package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FutureDates;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.TrackerException;
import io.chokepoint.tracking.csv.TrackerCsv;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;

/**
 * The tracker's SQLite file: opened with its schema migrated to the current version. A file that does not exist
 * yet is created and loaded with the embedded sample data, in a temporary file that is renamed into place only
 * when complete, so a failure never leaves a half-loaded tracker behind.
 *
 * <p>Thread-safe: the underlying {@link Jdbi} opens a connection per handle.
 */
public final class TrackerDatabase {

    private static final String SAMPLE = "/sample/";

    private final Backend backend;
    private final Jdbi jdbi;
    /** The exported snapshot this view reads its input tables in (PostgreSQL), or null for the current data. */
    private final String snapshot;

    private TrackerDatabase(Backend backend) {
        this.backend = backend;
        this.jdbi = Jdbi.create(backend.dataSource());
        if (backend instanceof PostgresDatabase) {
            // Rows are fetched in batches wherever a statement runs in a transaction (server-side cursors need it).
            jdbi.addCustomizer(org.jdbi.v3.core.statement.StatementCustomizers.fetchSize(ProjectCursor.FETCH_SIZE));
        }
        this.snapshot = null;
    }

    private TrackerDatabase(TrackerDatabase of, String snapshot) {
        this.backend = of.backend;
        this.jdbi = of.jdbi;
        this.snapshot = snapshot;
    }

    /**
     * Exports a snapshot of this PostgreSQL tracker, held until closed (see {@link InputSnapshot}); empty for a SQLite
     * tracker, whose run already reads one snapshot of the file under the run lock, which keeps imports out.
     */
    public java.util.Optional<InputSnapshot> holdSnapshot() {
        return backend.runsReadExportedSnapshots() ? java.util.Optional.of(InputSnapshot.export(jdbi.open()))
                : java.util.Optional.empty();
    }

    /** This tracker with its input tables (projects, events, baselines) read in the exported snapshot {@code id}. */
    public TrackerDatabase atSnapshot(String id) {
        return new TrackerDatabase(this, id);
    }

    /** The snapshot this view reads its input in, if any. */
    java.util.Optional<String> snapshot() {
        return java.util.Optional.ofNullable(snapshot);
    }

    /**
     * Opens the tracker in a PostgreSQL database, migrating its schema to the current version (PostgreSQL's copy of
     * the same Flyway history). An unreachable server, a refused login or a database of a newer schema is one line.
     */
    public static TrackerDatabase open(PostgresLogin server) {
        TrackerDatabase db = connect(server);
        db.migrate();
        return db;
    }

    /** Connects to a tracker in a PostgreSQL database; checks that the server answers, migrates nothing. */
    public static TrackerDatabase connect(PostgresLogin server) {
        PostgresDatabase.check(server);
        return new TrackerDatabase(new PostgresDatabase(server));
    }

    /**
     * Opens (and if needed creates and seeds) the tracker at {@code file}. An existing file that is not a usable
     * tracker (empty, not SQLite, damaged, or of a newer schema than this release knows) is refused untouched.
     */
    public static TrackerDatabase open(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = TrackerFile.realPath(file);
        if (Files.isDirectory(absolute)) {
            throw new TrackerException("cannot open tracker database " + file + ": it is a directory, expected a SQLite file such as chokepoint.db");
        }
        boolean created = false;
        if (!Files.exists(absolute)) {
            createWithSampleData(file, absolute);
            created = true;
        } else if (!Files.isReadable(absolute) || !Files.isWritable(absolute)) {
            throw new TrackerException("cannot open tracker database " + file + ": the file is not readable and writable");
        } else {
            TrackerFile.checkUsable(file, absolute);
            TrackerFile.checkTracker(file, absolute);
        }
        TrackerDatabase db = new TrackerDatabase(new SqliteFile(absolute));
        if (!created) {
            // A tracker made just now was migrated before its sample data went in: Flyway runs once per process.
            db.migrate();
        }
        return db;
    }

    /** Creates a new tracker with the current schema and no data; fails if the file exists. */
    public static TrackerDatabase createEmpty(Path file) {
        Path absolute = TrackerFile.realPath(file);
        if (Files.exists(absolute)) {
            throw new TrackerException("cannot create tracker database " + file + ": the file already exists");
        }
        createDirectoriesFor(file, absolute);
        try {
            TrackerFile.createPrivate(absolute);
        } catch (IOException e) {
            throw new TrackerException("cannot create tracker database " + file + ": " + e.getMessage(), e);
        }
        TrackerDatabase db = new TrackerDatabase(new SqliteFile(absolute));
        db.migrateNew();
        return db;
    }

    /**
     * Connects to an existing tracker file for a command that only reads it ({@code status}, {@code restart}),
     * after the checks {@link #open} makes (a usable SQLite file that is a tracker), without migrating it: a refused
     * file is left as it was, byte for byte.
     */
    public static TrackerDatabase connectChecked(Path file) {
        Path absolute = TrackerFile.realPath(file);
        if (Files.isDirectory(absolute)) {
            throw new TrackerException("cannot open tracker database " + file + ": it is a directory, expected a SQLite file such as chokepoint.db");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new TrackerException("tracker database " + file + " does not exist");
        }
        TrackerFile.checkUsable(file, absolute);
        TrackerFile.checkTracker(file, absolute);
        return new TrackerDatabase(new SqliteFile(absolute));
    }

    /**
     * Connects to a tracker that {@link #open} has already created and migrated, without migrating again (the
     * batch job's artifacts connect once per step).
     */
    public static TrackerDatabase connect(Path file) {
        Path absolute = TrackerFile.realPath(file);
        if (!Files.isRegularFile(absolute)) {
            throw new TrackerException("tracker database " + file + " does not exist");
        }
        return new TrackerDatabase(new SqliteFile(absolute));
    }

    private static void createDirectoriesFor(Path given, Path absolute) {
        try {
            Files.createDirectories(absolute.getParent());
        } catch (FileAlreadyExistsException | NotDirectoryException | NoSuchFileException e) {
            throw new TrackerException("cannot create tracker database " + given + ": " + e.getFile()
                    + " is not a directory");
        } catch (IOException e) {
            throw new TrackerException("cannot create tracker database " + given + ": " + e.getMessage(), e);
        }
    }

    private static void createWithSampleData(Path given, Path absolute) {
        createDirectoriesFor(given, absolute);
        Path dir = absolute.getParent();
        Path temp = dir.resolve(absolute.getFileName() + ".creating-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            TrackerFile.createPrivate(temp);
            TrackerDatabase db = new TrackerDatabase(new SqliteFile(temp));
            db.migrateNew();
            db.loadSampleData();
            deleteSidecars(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TrackerException("cannot create tracker database " + given + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
                deleteSidecars(temp);
            } catch (IOException ignored) {
                // best effort: a leftover temporary file is harmless and named after its process
            }
        }
    }

    private static void deleteSidecars(Path db) throws IOException {
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }

    /**
     * The Flyway history of a tracker this release has migrated, in order: its SQL and Java migrations. A tracker
     * whose history is exactly this, every step successful, is current, and opening it skips Flyway (its set-up, the
     * classpath scan and the validation cost a run ~0.2 s of a sample month's start). Anything else (an older
     * tracker, a newer one, a failed step) goes to Flyway as before. TrackerDatabaseTest checks it against Flyway's
     * own list of the migrations.
     */
    static final List<String> CURRENT_HISTORY = List.of("1", "2", "3", "4", "5", "6", "6.1", "7", "8", "9", "10");

    /** Whether this SQLite tracker's history is {@link #CURRENT_HISTORY}: one query, no Flyway. */
    boolean isCurrent() {
        if (!(backend instanceof SqliteFile)) {
            return false;
        }
        try {
            List<String> applied = jdbi.withHandle(h -> h.createQuery(
                    "SELECT CASE WHEN success = 1 THEN version ELSE 'failed ' || version END"
                            + " FROM flyway_schema_history ORDER BY installed_rank")
                    .mapTo(String.class).list());
            return applied.equals(CURRENT_HISTORY);
        } catch (RuntimeException e) {
            return false; // no history table, or an unreadable one: Flyway says what is wrong
        }
    }

    private void migrate() {
        if (isCurrent()) {
            return;
        }
        try {
            // One Flyway both looks for a newer history and migrates: its classpath scan is paid for once.
            Flyway flyway = flyway();
            refuseNewerSchema(flyway.info().all(), backend.location());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new TrackerException("cannot open tracker database " + described() + ": " + rootMessage(e), e);
        }
    }

    /** The tracker for messages: its file, or its database URL and user. */
    private String described() {
        return backend instanceof PostgresDatabase server ? server.login().toString() : backend.location();
    }

    /** Migrates a file made just now: it has no history, so none from a newer release to look for first. */
    private void migrateNew() {
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw new TrackerException("cannot open tracker database " + described() + ": " + rootMessage(e), e);
        }
    }

    /** The one Flyway setup of both backends: each its own copy of the same history. */
    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(backend.dataSource())
                .locations(backend.migrations())
                .javaMigrations(new TypedFactsMigration())
                .loggers("slf4j")
                .load();
    }

    /**
     * Flyway only warns about migrations it does not know and would go on writing; a tracker a newer release has
     * migrated is refused instead. {@code info()} only reads, so the file stays as it is; the same Flyway then
     * migrates, so its classes and the classpath scan are paid for once.
     */
    static void refuseNewerSchema(MigrationInfo[] all, String file) {
        MigrationVersion known = Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElse(MigrationVersion.EMPTY);
        Arrays.stream(all)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .ifPresent(newer -> {
                    throw new TrackerException("tracker database " + file + " was made by a newer Chokepoint, V"
                            + newer + "; this is V" + known + ": nothing was written to it. Use that newer release"
                            + " (or a backup made with this one)");
                });
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Loads the embedded sample data (for {@code init --sample} on a server). */
    public void loadSample() {
        loadSampleData();
    }

    private void loadSampleData() {
        List<DataProblem> problems = new ArrayList<>();
        List<Project> projects = new ArrayList<>();
        List<FacilityEvent> events = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        List<io.chokepoint.tracking.ExportControl> controls = new ArrayList<>();
        try (Reader p = sample("projects.csv"); Reader e = sample("events.csv"); Reader b = sample("baselines.csv");
             Reader c = sample("export_controls.csv")) {
            TrackerCsv.readProjects("projects.csv", p, projects::add, problems);
            TrackerCsv.readEvents("events.csv", e, events::add, problems);
            TrackerCsv.readBaselines("baselines.csv", b, baselines::add, problems);
            TrackerCsv.readControls("export_controls.csv", c, controls::add, problems);
        } catch (IOException e) {
            throw new TrackerException("cannot read the embedded sample data: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataException(problems);
        }
        jdbi.useTransaction(h -> {
            TrackerStore store = new TrackerStore(h, dialect());
            projects.forEach(store::upsertProject);
            events.forEach(store::insertEvent);
            baselines.forEach(store::insertBaseline);
            controls.forEach(control -> FactColumns.bindControl(h.createUpdate("INSERT INTO export_control ("
                    + String.join(", ", FactColumns.CONTROL_COLUMNS) + ") VALUES ("
                    + String.join(", ", FactColumns.CONTROL_COLUMNS.stream().map(col -> ":" + col).toList())
                    + ")"), control).execute());
        });
    }

    private static Reader sample(String name) throws IOException {
        var in = TrackerDatabase.class.getResourceAsStream(SAMPLE + name);
        if (in == null) {
            throw new IOException(SAMPLE + name + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Where the tracker lives: ask it what differs between a file and a server. */
    public Backend backend() {
        return backend;
    }

    /** The tracker's SQLite file; only for a tracker in a file. */
    public Path file() {
        return sqlite().file();
    }

    /** The job repository's SQLite file beside a tracker file; only for a tracker in a file. */
    public Path jobRepositoryFile() {
        return sqlite().jobRepositoryFile();
    }

    private SqliteFile sqlite() {
        if (backend instanceof SqliteFile sqlite) {
            return sqlite;
        }
        throw new IllegalStateException("the tracker is in a PostgreSQL database, not a file: " + backend.location());
    }

    /** Where the tracker is, for job parameters and messages: its file or its database URL (never a password). */
    public String location() {
        return backend.location();
    }

    public Dialect dialect() {
        return backend.dialect();
    }

    /** Where the job repository is, for messages: its SQLite file, or the jberet_ tables of the database. */
    public String jobRepository() {
        return backend.jobRepository();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public TrackedProjects trackedProjects() {
        return new TrackedProjects(jdbi, dialect(), snapshot);
    }

    public PeriodProjects periodProjects() {
        return new PeriodProjects(jdbi, dialect(), snapshot);
    }

    /** Imports CSV files into this tracker. */
    public TrackerImport importer() {
        return new TrackerImport(writer(), dialect());
    }

    /** For imports and edits: on SQLite, connections that take the write lock when their transaction begins. */
    private Jdbi writer() {
        return backend instanceof SqliteFile ? Jdbi.create(backend.writerDataSource()) : jdbi;
    }

    /** Exports this tracker's tables as CSV files. */
    public TrackerExport exporter() {
        return new TrackerExport(jdbi, dialect());
    }

    /** Single edits from the command line: projects and events. */
    public TrackerEdits edits() {
        return edits(null);
    }

    /** As {@link #edits()}, refusing dates more than a year ahead unless {@code futureDates} allows them. */
    public TrackerEdits edits(FutureDates futureDates) {
        return new TrackerEdits(writer(), futureDates, dialect());
    }
}
