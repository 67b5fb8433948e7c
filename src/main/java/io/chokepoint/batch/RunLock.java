package io.chokepoint.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

import io.chokepoint.tracking.store.SqliteFile;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.store.TrackerFile;

/**
 * One run at a time per tracker: an exclusive OS lock ({@link FileChannel#tryLock()}) on a file beside the
 * tracker, {@code chokepoint.db.lock} for {@code chokepoint.db}. The OS releases the lock when its process dies,
 * however it dies, so the lock itself is never stale. The file's content names the holder (pid and since when)
 * for the message a second process shows; content left by a process that died without releasing (a
 * {@code kill -9}) is reported as taken over.
 *
 * <p>The file is emptied, not deleted, on release: deleting it would let a process that opened the old file and
 * one that created a new file both believe they hold the lock.
 */
public final class RunLock implements AutoCloseable {

    /**
     * The first half of the advisory lock of a run on PostgreSQL ("CHKP"); the second is its period, as YYYYMM. One
     * run per month across hosts, months run side by side; the server releases it when the session that holds it
     * ends, however its process ends, on whichever host.
     */
    static final int ADVISORY_CLASS = 0x43484b50;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Handle session;
    private final String server;
    private final LockHolder holder;
    private final Optional<LockHolder> stale;
    /** The locked period as YYYYMM, on PostgreSQL. */
    private final int month;

    private RunLock(Path file, FileChannel channel, FileLock lock, LockHolder holder, Optional<LockHolder> stale) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.session = null;
        this.server = null;
        this.holder = holder;
        this.stale = stale;
        this.month = 0;
    }

    private RunLock(Handle session, String server, LockHolder holder, int month) {
        this.file = null;
        this.channel = null;
        this.lock = null;
        this.session = session;
        this.server = server;
        this.holder = holder;
        this.stale = Optional.empty();
        this.month = month;
    }

    /**
     * Takes the tracker's lock at once or fails: the file lock of a tracker file, or on PostgreSQL an advisory lock
     * ({@code pg_try_advisory_lock}) held by one dedicated connection for as long as this lock is open.
     *
     * @throws RunLockedException if another process (on any host, for PostgreSQL) holds it
     */
    public static RunLock acquire(TrackerDatabase tracker, ReportPeriod period, Clock clock) {
        if (tracker.backend() instanceof SqliteFile sqlite) {
            return acquire(sqlite.file(), clock); // one run at a time per file: SQLite has one writer anyway
        }
        int month = period.month().getYear() * 100 + period.month().getMonthValue();
        String name = "advisory lock of " + period + " in " + tracker.location();
        Handle session = tracker.jdbi().open();
        try {
            LockHolder self = new LockHolder(ProcessHandle.current().pid(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
            // Named after its holder, so that a second process can say who holds it (pg_stat_activity).
            session.createQuery("SELECT set_config('application_name', :name, false)")
                    .bind("name", "chokepoint run " + self.toContent().replace('\n', ' ').strip() + " host=" + host())
                    .mapTo(String.class).one();
            boolean taken = session.createQuery("SELECT pg_try_advisory_lock(:class, :month)")
                    .bind("class", ADVISORY_CLASS).bind("month", month)
                    .mapTo(Boolean.class).one();
            if (!taken) {
                Optional<String> holder = session.createQuery("SELECT a.application_name FROM pg_locks l"
                                + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                + " AND l.classid = :class AND l.objid = :month AND l.objsubid = 2")
                        .bind("class", Integer.toUnsignedLong(ADVISORY_CLASS))
                        .bind("month", (long) month)
                        .mapTo(String.class).findFirst();
                session.close();
                throw new RunLockedException(name + holder.map(h -> ", held by " + h).orElse(""), "month",
                        holder.flatMap(h -> LockHolder.parse(h.replace(' ', '\n'))));
            }
            return new RunLock(session, name, self, month);
        } catch (RuntimeException e) {
            if (!session.isClosed()) {
                session.close();
            }
            throw e;
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Whether this is the lock of {@code tracker}. */
    public boolean guards(TrackerDatabase tracker) {
        return tracker.backend() instanceof SqliteFile sqlite ? file != null && file.equals(fileFor(sqlite.file()))
                : server != null && server.endsWith(" in " + tracker.location());
    }

    /** What is locked, for messages: the lock file, or the advisory lock and its database. */
    public String name() {
        return file != null ? file.toString() : server;
    }

    /** The lock file of a tracker: its file name plus {@code .lock}, in the same directory. */
    public static Path fileFor(Path tracker) {
        Path absolute = TrackerFile.realPath(tracker);
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the tracker's lock at once or fails.
     *
     * @throws RunLockedException if another process (or another run in this one) holds it
     */
    public static RunLock acquire(Path tracker, Clock clock) {
        return acquire(tracker, clock, Activity.RUN);
    }

    /**
     * Takes the tracker file's lock at once or fails, for {@code activity}: imports and edits of a SQLite tracker
     * take the run's lock too, so that a run never reads a tracker that changes under it (its manifest's
     * fingerprint describes what its files show) and the message of whoever comes second names who holds it.
     *
     * @throws RunLockedException if another process (or another holder in this one) holds it
     */
    public static RunLock acquire(Path tracker, Clock clock, Activity activity) {
        Path file = fileFor(tracker);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this very JVM
            }
            if (lock == null) {
                Optional<LockHolder> holder = LockHolder.parse(read(channel));
                channel.close();
                throw new RunLockedException(file, holder);
            }
            Optional<LockHolder> previous = LockHolder.parse(read(channel));
            LockHolder self = new LockHolder(ProcessHandle.current().pid(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                    activity);
            write(channel, self.toContent());
            return new RunLock(file, channel, lock, self, previous);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public LockHolder holder() {
        return holder;
    }

    /**
     * The holder named in the file when this process took the lock: a process that ended without releasing it
     * (killed, or crashed). The OS lock was free, so it holds nothing any more.
     */
    public Optional<LockHolder> takenOverFrom() {
        return stale;
    }

    /** Empties the file and releases the lock (on PostgreSQL: unlocks and closes the lock's connection). */
    @Override
    public void close() {
        if (session != null) {
            try {
                session.createQuery("SELECT pg_advisory_unlock(:class, :month)").bind("class", ADVISORY_CLASS)
                        .bind("month", month).mapTo(Boolean.class).one();
            } finally {
                session.close();
            }
            return;
        }
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                channel.force(true);
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + file + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading until the (small) file is in
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static void write(FileChannel channel, String content) throws IOException {
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** What a holder of the lock is doing: a run, or a change of the tracker's input that a run must not see. */
    public enum Activity {
        RUN("a run"), IMPORT("an import"), EDIT("an edit");

        private final String description;

        Activity(String description) {
            this.description = description;
        }

        /** "a run", "an import", "an edit". */
        public String description() {
            return description;
        }
    }

    /**
     * A process that holds (or held) a run lock.
     *
     * @param pid      its process id
     * @param since    when it took the lock
     * @param activity what it holds the lock for (a lock file written before there was a choice: a run)
     */
    public record LockHolder(long pid, Instant since, Activity activity) {

        public LockHolder {
            java.util.Objects.requireNonNull(activity, "activity");
        }

        public LockHolder(long pid, Instant since) {
            this(pid, since, Activity.RUN);
        }

        /** Whether a process with this pid is running now (it may be another process that reused the pid). */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        String toContent() {
            return "pid=" + pid + "\nsince=" + since + "\n" + (activity == Activity.RUN ? ""
                    : "activity=" + activity.name().toLowerCase(java.util.Locale.ROOT) + "\n");
        }

        static Optional<LockHolder> parse(String content) {
            Long pid = null;
            Instant since = null;
            Activity activity = Activity.RUN;
            for (String line : content.split("\n")) {
                String[] kv = line.strip().split("=", 2);
                try {
                    if (kv.length == 2 && kv[0].equals("pid")) {
                        pid = Long.parseLong(kv[1].strip());
                    } else if (kv.length == 2 && kv[0].equals("since")) {
                        since = Instant.parse(kv[1].strip());
                    } else if (kv.length == 2 && kv[0].equals("activity")) {
                        activity = Activity.valueOf(kv[1].strip().toUpperCase(java.util.Locale.ROOT));
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    // a garbled line says nothing about the holder
                }
            }
            return pid == null ? Optional.empty() : Optional.of(new LockHolder(pid, since, activity));
        }

        @Override
        public String toString() {
            return "pid " + pid + (since == null ? "" : ", since " + since);
        }
    }
}
