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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The tracker's SQLite file: opened with its schema migrated to the current version. A file that does not exist
 * yet is created and loaded with the embedded sample data, in a temporary file that is renamed into place only
 * when complete, so a failure never leaves a half-loaded tracker behind.
 *
 * <p>Thread-safe: the underlying {@link Jdbi} opens a connection per handle.
 */
public final class TrackerDatabase {

    private static final String SAMPLE = "/sample/";
    /** SQLite's migrations; PostgreSQL's copies, with the same versions, are in {@link PostgresTracker#MIGRATIONS}. */
    static final String MIGRATIONS = "classpath:db/migration";

    private final Path file;
    private final PostgresLogin server;
    private final Jdbi jdbi;
    /** The exported snapshot this view reads its input tables in (PostgreSQL), or null for the current data. */
    private final String snapshot;

    private TrackerDatabase(Path file, Jdbi jdbi) {
        this.file = file;
        this.server = null;
        this.jdbi = jdbi;
        this.snapshot = null;
    }

    private TrackerDatabase(PostgresLogin server) {
        this.file = null;
        this.server = server;
        // Rows are fetched in batches wherever a statement runs in a transaction (server-side cursors need it).
        this.jdbi = Jdbi.create(PostgresTracker.dataSource(server))
                .addCustomizer(org.jdbi.v3.core.statement.StatementCustomizers.fetchSize(ProjectCursor.FETCH_SIZE));
        this.snapshot = null;
    }

    private TrackerDatabase(TrackerDatabase of, String snapshot) {
        this.file = of.file;
        this.server = of.server;
        this.jdbi = of.jdbi;
        this.snapshot = snapshot;
    }

    /**
     * Exports a snapshot of this PostgreSQL tracker, held until closed (see {@link InputSnapshot}); empty for a SQLite
     * tracker, whose run already reads one snapshot of the file under the run lock, which keeps imports out.
     */
    public java.util.Optional<InputSnapshot> holdSnapshot() {
        return server == null ? java.util.Optional.empty() : java.util.Optional.of(InputSnapshot.export(jdbi.open()));
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
        PostgresTracker.migrate(server, db);
        return db;
    }

    /** Connects to a tracker in a PostgreSQL database; checks that the server answers, migrates nothing. */
    public static TrackerDatabase connect(PostgresLogin server) {
        PostgresTracker.check(server);
        return new TrackerDatabase(server);
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
        }
        TrackerDatabase db = new TrackerDatabase(absolute, Jdbi.create(dataSource(absolute)));
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
        TrackerDatabase db = new TrackerDatabase(absolute, Jdbi.create(dataSource(absolute)));
        db.migrateNew();
        return db;
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
        return new TrackerDatabase(absolute, Jdbi.create(dataSource(absolute)));
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
            TrackerDatabase db = new TrackerDatabase(temp, Jdbi.create(dataSource(temp)));
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

    private static SQLiteDataSource dataSource(Path file) {
        return dataSource(file, SQLiteConfig.TransactionMode.DEFERRED);
    }

    /**
     * @param transactions IMMEDIATE for connections that write in their transactions (imports, edits): they take
     *                     the write lock when the transaction begins, waiting up to the busy timeout for the job's
     *                     commit, instead of failing with SQLITE_BUSY_SNAPSHOT when a commit came between their first
     *                     read and their first write
     */
    private static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode transactions) {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(transactions);
        // WAL lets the job's reader keep its cursor open while its writer commits chunks.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    private void migrate() {
        try {
            Flyway flyway = flyway();
            refuseNewerSchema(flyway.info().all(), file.toString());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new TrackerException("cannot open tracker database " + file + ": " + rootMessage(e), e);
        }
    }

    /** Migrates a file made just now: it has no history, so none from a newer release to look for first. */
    private void migrateNew() {
        try {
            flyway().migrate();
        } catch (FlywayException e) {
            throw new TrackerException("cannot open tracker database " + file + ": " + rootMessage(e), e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource(file))
                .locations(MIGRATIONS)
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
            controls.forEach(control -> ProjectColumns.bindControl(h.createUpdate("INSERT INTO export_control ("
                    + String.join(", ", ProjectColumns.CONTROL_COLUMNS) + ") VALUES ("
                    + String.join(", ", ProjectColumns.CONTROL_COLUMNS.stream().map(col -> ":" + col).toList())
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

    /** The tracker's SQLite file; only for a tracker in a file (see {@link #server()}). */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("the tracker is in a PostgreSQL database, not a file: " + server);
        }
        return file;
    }

    /** The PostgreSQL database the tracker is in, if it is in one. */
    public java.util.Optional<PostgresLogin> server() {
        return java.util.Optional.ofNullable(server);
    }

    /** Where the tracker is, for job parameters and messages: its file or its database URL (never a password). */
    public String location() {
        return file != null ? file.toString() : server.url();
    }

    public Dialect dialect() {
        return file != null ? Dialect.SQLITE : Dialect.POSTGRESQL;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The job repository lives in its own SQLite file beside the tracker (one file per tracker). */
    public Path jobRepositoryFile() {
        if (file == null) {
            throw new IllegalStateException("a tracker on PostgreSQL keeps its job repository in its database");
        }
        String name = file.getFileName().toString();
        String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return file.resolveSibling(stem + "-jobs.db");
    }

    /** Where the job repository is, for messages: its SQLite file, or the jberet_ tables of the database. */
    public String jobRepository() {
        return file != null ? jobRepositoryFile().toString() : "the jberet_ tables of " + server.url();
    }

    public TrackedProjects trackedProjects() {
        return new TrackedProjects(jdbi, dialect(), snapshot);
    }

    public PeriodSnapshots periodSnapshots() {
        return new PeriodSnapshots(jdbi, dialect(), snapshot);
    }

    /** Imports CSV files into this tracker. */
    public TrackerImport importer() {
        return new TrackerImport(writer(), dialect());
    }

    /** For imports and edits: on SQLite, connections that take the write lock when their transaction begins. */
    private Jdbi writer() {
        return file == null ? jdbi : Jdbi.create(dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE));
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
