package io.chokepoint.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jdbi.v3.core.Handle;

import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.EventKind;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;
import io.chokepoint.tracking.TrackerTable;

/**
 * Makes a tracker of any size for benchmarks: synthetic projects with a realistic mix of stages, countries,
 * statuses, units (mostly the stage's canonical unit, some not comparable) and undisclosed values, about ten
 * dated events per project row (events belong to the facility, so a facility of k stage rows gets about 10·k), and
 * the sample baselines. The same seed and size always give the same file.
 *
 * <p>Rows are written with JDBC batches in one transaction, facility by facility in key order, with journaling off
 * while loading; the file is built under a temporary name and renamed into place when complete.
 */
public final class SyntheticTracker {

    /**
     * Events drawn per project row; those that would fall after the end of the data are not recorded, which
     * leaves about 10 per project row (13 × 0.76, the share of a facility's news window already past).
     */
    static final int EVENTS_DRAWN_PER_PROJECT = 13;
    private static final LocalDate FIRST_DAY = LocalDate.of(2012, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 2, 28);
    private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
    private static final int BATCH = 10_000;

    private static final String[] COUNTRIES = {"US", "AU", "CN", "CA", "VN", "GB", "FR", "KR", "JP", "DE", "IN",
            "MY", "BR", "EE", "SE", "NO", "AO", "TZ", "ZA", "SA", "MM", "MX", "TH", "BE", "ZZ"};
    private static final int[] COUNTRY_WEIGHTS = {20, 12, 12, 6, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2,
            1, 1, 1, 1};
    private static final String[] OWNERS = {"US", "CN", "JP", "KR", "AU", "DE", "FR", "GB", "CA"};
    private static final String[] CURRENCY = {"USD", "AUD", "CAD", "EUR", "GBP", "KRW", "JPY", "CNY", "INR", "NOK"};
    private static final double[] PER_USD = {1, 1.5, 1.35, 0.92, 0.79, 1350, 150, 7.2, 83, 10.5};

    private static final ChainStage[] STAGES = ChainStage.values();
    private static final String[] SUFFIX = {"MIN", "CON", "SEP", "MET", "ALY", "MAG", "REC"};
    /** Canonical unit per stage (the defaults of analysis.properties) and a unit that is not comparable with it. */
    private static final String[] CANONICAL = {"t REO", "t REO", "t REO", "t metal", "t alloy", "t magnet", "t feed"};
    private static final String[] OTHER_UNIT = {"t ore", "t concentrate", "t NdPr oxide", "t unspecified",
            "t magnet", "t alloy", "t REO"};
    private static final double[] TYPICAL_TPA = {20_000, 15_000, 5_000, 1_500, 2_000, 5_000, 1_000};

    /** Statuses, in the order a facility moves through them, and the share of facilities at each. */
    private static final ProjectStatus[] STATUSES = ProjectStatus.values();
    private static final int[] STATUS_WEIGHTS = {7, 16, 6, 8, 13, 8, 35, 4, 3};
    private static final EventKind[] STEP_EVENT = {null, EventKind.ANNOUNCEMENT, EventKind.APPROVAL,
            EventKind.FINANCING, EventKind.CONSTRUCTION_START, EventKind.COMMISSIONING, EventKind.OPERATING_START,
            EventKind.SUSPENSION, EventKind.CANCELLATION};
    private static final EventKind[] SIDE_EVENTS = {EventKind.TARGET_CHANGE, EventKind.CAPACITY_REVISION,
            EventKind.OFFTAKE_SIGNED, EventKind.OWNERSHIP_CHANGE, EventKind.AGREEMENT, EventKind.FID,
            EventKind.FINANCING};

    /** The project table's columns, in the order {@link Facility#bindProject} binds them. */
    private static final String PROJECT_COLUMNS = String.join(", ", TrackerTable.PROJECTS.columns());
    private static final String PROJECT_INSERT = "INSERT INTO project (" + PROJECT_COLUMNS + ") VALUES ("
            + "?, ".repeat(PROJECT_COLUMNS.split(",").length - 1) + "?)";
    // Stamped as recorded long ago: synthetic events are never revisions, and the V4 trigger that stamps
    // unstamped inserts (one UPDATE per row) stays out of a ten-million-row load.
    private static final String EVENT_INSERT = "INSERT INTO facility_event (facility_id, date, event, status_after,"
            + " value, notes, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2000-01-01T00:00:00.000Z')";

    /** What was written. */
    public record Counts(int projects, int facilities, long events, int baselines) {
    }

    private final Random random;
    private final int projects;
    private final int companies;
    private final int countryTotal = Arrays.stream(COUNTRY_WEIGHTS).sum();
    private final int statusTotal = Arrays.stream(STATUS_WEIGHTS).sum();

    private SyntheticTracker(int projects, long seed) {
        this.projects = projects;
        this.random = new Random(seed);
        this.companies = Math.max(10, projects / 20);
    }

    /**
     * Writes a new tracker of {@code projects} project rows at {@code file}, which must not exist yet.
     */
    public static Counts generate(Path file, int projects, long seed) {
        if (projects < 1) {
            throw new IllegalArgumentException("the number of projects must be at least 1, was " + projects);
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new TrackerException("cannot generate tracker " + file + ": the file already exists");
        }
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".creating-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            // A new tracker with the sample data, whose baselines the synthetic projects are measured against.
            TrackerDatabase db = TrackerDatabase.open(temp);
            Counts counts = db.jdbi().withHandle(h -> new SyntheticTracker(projects, seed).write(h));
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            return counts;
        } catch (IOException | SQLException e) {
            throw new TrackerException("cannot generate tracker " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + "-wal"));
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + "-shm"));
            } catch (IOException ignored) {
                // best effort: a leftover temporary file is named after its process
            }
        }
    }

    private Counts write(Handle handle) throws SQLException {
        Connection c = handle.getConnection();
        try (Statement s = c.createStatement()) {
            // A bulk load into a new file: no journal while loading, the usual WAL mode for the job afterwards.
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA cache_size=-65536");
        }
        c.setAutoCommit(false);
        int baselines = keepSampleBaselines(c);
        int facilities = 0;
        long events = 0;
        try (PreparedStatement project = c.prepareStatement(PROJECT_INSERT);
             PreparedStatement event = c.prepareStatement(EVENT_INSERT)) {
            int written = 0;
            int pendingProjects = 0;
            int pendingEvents = 0;
            while (written < projects) {
                int rows = Math.min(stageCount(), projects - written);
                Facility f = new Facility(++facilities, rows);
                for (int k = 0; k < rows; k++) {
                    f.bindProject(project, k);
                    project.addBatch();
                    pendingProjects++;
                }
                for (int e = 0; e < f.eventDays.length; e++) {
                    f.bindEvent(event, e);
                    event.addBatch();
                    pendingEvents++;
                }
                written += rows;
                events += f.eventDays.length;
                if (pendingProjects >= BATCH) {
                    project.executeBatch();
                    pendingProjects = 0;
                }
                if (pendingEvents >= BATCH) {
                    event.executeBatch();
                    pendingEvents = 0;
                }
            }
            project.executeBatch();
            event.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        return new Counts(projects, facilities, events, baselines);
    }

    /** Keeps the sample's baselines only; returns how many. */
    private static int keepSampleBaselines(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM facility_event");
            s.execute("DELETE FROM project");
            try (var rs = s.executeQuery("SELECT count(*) FROM baseline")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Stage rows per facility: 1 (40 %), 2 (25 %), 3 (20 %), 4 (10 %), 5 (5 %); 2.15 on average. */
    private int stageCount() {
        int r = random.nextInt(100);
        return r < 40 ? 1 : r < 65 ? 2 : r < 85 ? 3 : r < 95 ? 4 : 5;
    }

    private int weighted(int[] weights, int total) {
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static final String[] DATES = new String[DAYS + 1];

    static {
        for (int day = 0; day <= DAYS; day++) {
            DATES[day] = FIRST_DAY.plusDays(day).toString();
        }
    }

    private static String date(int day) {
        return DATES[day];
    }

    /** One facility: its stage rows share location, owners, company and history. */
    private final class Facility {
        final String id;
        final String country;
        final String owners;
        final String company;
        final int firstStage;
        final ProjectStatus status;
        final boolean longEstablished;
        final int announcedDay;
        final int statusDay;
        final int[] eventDays;
        final Integer targetYear;

        Facility(int number, int rows) {
            this.country = COUNTRIES[weighted(COUNTRY_WEIGHTS, countryTotal)];
            this.id = String.format("S%07d-%s", number, country);
            int o = random.nextInt(100);
            String home = country.equals("ZZ") ? OWNERS[random.nextInt(OWNERS.length)] : country;
            this.owners = o < 65 ? home : o < 93 ? OWNERS[random.nextInt(OWNERS.length)]
                    : home + ";" + OWNERS[random.nextInt(OWNERS.length)];
            this.company = "Synthetic Rare Earths " + random.nextInt(companies);
            // Recycling stands alone; other facilities cover consecutive stages of the chain.
            this.firstStage = rows == 1 && random.nextInt(10) == 0 ? 6 : random.nextInt(Math.max(1, 7 - rows));
            this.status = STATUSES[weighted(STATUS_WEIGHTS, statusTotal)];
            this.longEstablished = status == ProjectStatus.OPERATING && random.nextInt(3) == 0;
            // Evidence dates: the announcement, then news spread over 2 to 12 years from it (at a steady rate, so
            // recent months are not crowded by young facilities); news not yet due by the end of the data is dropped.
            this.announcedDay = random.nextInt(DAYS - 60);
            int drawn = Math.max(1, (int) Math.round(rows * EVENTS_DRAWN_PER_PROJECT * (0.7 + 0.6 * random.nextDouble())));
            int window = 730 + random.nextInt(3650);
            int[] days = new int[drawn];
            int kept = 0;
            for (int i = 0; i < drawn; i++) {
                int day = announcedDay + random.nextInt(window);
                if (day <= DAYS) {
                    days[kept++] = day;
                }
            }
            this.eventDays = Arrays.copyOf(days, Math.max(1, kept));
            Arrays.sort(eventDays);
            eventDays[0] = announcedDay;
            int count = eventDays.length;
            this.statusDay = eventDays[Math.max(0, count - 1 - random.nextInt(Math.min(count, 3)))];
            this.targetYear = random.nextInt(10) < 6 ? 2024 + random.nextInt(12) : null;
        }

        void bindProject(PreparedStatement p, int row) throws SQLException {
            int stage = firstStage + row;
            p.setString(1, id + "-" + SUFFIX[stage]);
            p.setString(2, id);
            p.setString(3, company);
            p.setString(4, owners);
            p.setString(5, "Synthetic " + STAGES[stage].code() + " plant " + id);
            p.setString(6, country);
            text(p, 7, country.equals("ZZ") || random.nextInt(5) == 0 ? null : "Region " + random.nextInt(400));
            p.setString(8, STAGES[stage].code());
            p.setString(9, status.code());
            p.setString(10, date(statusDay));
            // Capacity: undisclosed on 40 % of rows; of the rest 85 % in the stage's canonical unit.
            if (random.nextInt(100) < 40) {
                p.setNull(11, Types.REAL);
                p.setNull(12, Types.VARCHAR);
                p.setNull(13, Types.VARCHAR);
            } else {
                p.setDouble(11, Math.round(TYPICAL_TPA[stage] * Math.exp(random.nextGaussian())));
                p.setString(12, random.nextInt(100) < 85 ? CANONICAL[stage] : OTHER_UNIT[stage]);
                int b = random.nextInt(100);
                p.setString(13, (b < 70 ? CapacityBasis.NAMEPLATE : b < 85 ? CapacityBasis.TARGET
                        : b < 93 ? CapacityBasis.ACTUAL_OUTPUT : b < 98 ? CapacityBasis.CONTRACT
                        : CapacityBasis.QUOTA).code());
            }
            // Investment on the facility's first row only (as in the sample), disclosed for half the facilities.
            if (row == 0 && random.nextBoolean()) {
                int cur = random.nextInt(100) < 60 ? 0 : random.nextInt(CURRENCY.length);
                double usdMillions = Math.round(20 * Math.exp(1.2 * random.nextGaussian()) * 10) / 10.0;
                p.setString(14, String.valueOf(Math.round(usdMillions * 1_000_000 * PER_USD[cur])));
                p.setString(15, CURRENCY[cur]);
                if (cur == 0 || random.nextInt(3) == 0) {
                    p.setDouble(16, usdMillions);
                } else {
                    p.setNull(16, Types.REAL);
                }
            } else {
                p.setNull(14, Types.VARCHAR);
                p.setNull(15, Types.VARCHAR);
                p.setNull(16, Types.REAL);
            }
            text(p, 17, longEstablished ? null : date(announcedDay));
            if (targetYear == null) {
                p.setNull(18, Types.INTEGER);
            } else {
                p.setInt(18, targetYear);
            }
            int offtake = random.nextInt(100);
            text(p, 19, offtake < 50 ? null : "Offtaker " + random.nextInt(200));
            p.setString(20, (offtake < 70 ? OfftakeBinding.UNKNOWN : offtake < 80 ? OfftakeBinding.NO
                    : OfftakeBinding.YES).code());
            int confidence = random.nextInt(10);
            p.setString(21, confidence < 3 ? "high" : confidence < 8 ? "medium" : "low");
            text(p, 22, random.nextInt(100) < 3 ? null : "Synthetic wire " + date(announcedDay) + " https://example.org/"
                    + id);
            text(p, 23, random.nextInt(3) == 0 ? "Generated row for benchmarks." : null);
        }

        void bindEvent(PreparedStatement e, int index) throws SQLException {
            int day = eventDays[index];
            int last = eventDays.length - 1;
            EventKind kind;
            ProjectStatus after;
            String value = null;
            boolean moved = status.ordinal() > ProjectStatus.ANNOUNCED.ordinal();
            if (longEstablished && (index == 0 || index == last)) {
                // Producing before the tracker followed it: output updates, never an announcement or a start.
                kind = EventKind.CAPACITY_REVISION;
                after = index == last ? ProjectStatus.OPERATING : null;
            } else if (index == 0) {
                kind = EventKind.ANNOUNCEMENT;
                after = status == ProjectStatus.STUDY ? ProjectStatus.STUDY : ProjectStatus.ANNOUNCED;
            } else if (index == last && moved) {
                kind = STEP_EVENT[status.ordinal()];
                after = status;
            } else if (moved && !longEstablished && random.nextInt(4) == 0) {
                // A step on the way to the facility's status, in chain order (suspended and cancelled facilities
                // got as far as construction).
                int highest = status.isPipeline() || status == ProjectStatus.OPERATING
                        ? status.ordinal() : ProjectStatus.UNDER_CONSTRUCTION.ordinal();
                int step = ProjectStatus.APPROVED.ordinal()
                        + (int) ((long) index * (highest - ProjectStatus.APPROVED.ordinal()) / last);
                kind = STEP_EVENT[step];
                after = STATUSES[step];
            } else {
                kind = SIDE_EVENTS[random.nextInt(SIDE_EVENTS.length)];
                after = null;
                if (kind == EventKind.TARGET_CHANGE) {
                    value = random.nextInt(5) == 0 ? "FID H" + (1 + random.nextInt(2)) + " " + (2024 + random.nextInt(4))
                            : "production moved to " + (2025 + random.nextInt(10));
                } else if (kind == EventKind.CAPACITY_REVISION) {
                    value = (500 + random.nextInt(20_000)) + " t/yr";
                } else if (kind == EventKind.FINANCING) {
                    value = "USD " + (1 + random.nextInt(500)) + "000000";
                }
            }
            e.setString(1, id);
            e.setString(2, date(day));
            e.setString(3, kind.code());
            text(e, 4, after == null ? null : after.code());
            text(e, 5, value);
            text(e, 6, "Synthetic event " + index + " of " + id + ".");
            e.setString(7, "Synthetic wire " + date(day) + " #" + index);
        }
    }

    private static void text(PreparedStatement p, int index, String value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value);
        }
    }
}
