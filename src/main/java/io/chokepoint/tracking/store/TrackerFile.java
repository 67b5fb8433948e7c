package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What is checked about a tracker file before anything writes to it, and how new ones are created.
 *
 * <ul>
 *   <li>Its real path (symlinks and {@code ..} resolved): the lock and the job repository are named after it, so two
 *   names of one file are one tracker.</li>
 *   <li>An existing file must be a SQLite database (not empty, the SQLite header) that SQLite finds intact
 *   ({@code PRAGMA quick_check} up to {@link #QUICK_CHECK_MAX_BYTES}, its schema beyond), checked over a read-only
 *   connection: a refused file is left as it was.</li>
 *   <li>A new file is created owner-only (0600): it holds stakeholders' names and addresses.</li>
 * </ul>
 */
public final class TrackerFile {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private TrackerFile() {
    }

    /**
     * The file's real path: symlinks and {@code ..} resolved. For a file that does not exist yet, its nearest
     * existing directory is resolved and the rest of the path appended.
     */
    public static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute.normalize(); // unreadable on the way: the open that follows says what is wrong
        }
    }

    /**
     * Creates an empty file readable and writable by its owner only (where the file system has POSIX permissions),
     * for SQLite to fill; SQLite gives its {@code -wal} and {@code -shm} files the same permissions.
     */
    public static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // no POSIX permissions (Windows): the platform's defaults for the user
        } catch (FileAlreadyExistsException e) {
            // created meanwhile: keep it, as SQLite would have
        }
    }

    /**
     * Refuses a file that is not a usable SQLite database, in one line that says how to fix it; writes nothing.
     *
     * @param given the path as the user gave it, for messages
     * @param file  its real path
     */
    static void checkUsable(Path given, Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new TrackerException("cannot open tracker database " + given + ": " + e.getMessage(), e);
        }
        if (read == 0 && hasWal(file)) {
            return; // all of it is still in the write-ahead log of a connection open elsewhere: SQLite reads it there
        }
        if (read == 0) {
            throw new TrackerException("tracker database " + given + " is empty (0 bytes), not a SQLite database:"
                    + " restore it from a backup, or give --db a new file name to start a new tracker");
        }
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new TrackerException("tracker database " + given + " is not a SQLite database (its first bytes are"
                    + " not the SQLite header): check the --db path, or restore the tracker from a backup");
        }
        String result;
        try (Connection c = readOnly(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(integrityCheck(file))) {
            result = rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                    || se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
                throw damaged(given, file, se.getResultCode().message);
            }
            throw new TrackerException("cannot open tracker database " + given + ": " + e.getMessage(), e);
        }
        if (!"ok".equals(result)) {
            throw damaged(given, file, result);
        }
    }

    /**
     * Refuses a SQLite database that is not a Chokepoint tracker (none of its tables, e.g. another program's
     * database, or one with no tables at all), before anything converts or migrates it; read-only, writes nothing.
     * Run after {@link #checkUsable}.
     */
    static void checkTracker(Path given, Path file) {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Connection c = readOnly(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new TrackerException("cannot open tracker database " + given + ": " + e.getMessage(), e);
        }
        // Every tracker has had both since V1: Flyway's history and the project table.
        if (tables.contains("flyway_schema_history") && tables.contains("project")) {
            return;
        }
        String found = tables.isEmpty() ? "it has no tables"
                : "its tables are " + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? ", ..." : "");
        throw new TrackerException("tracker database " + given + " is a SQLite database but not a Chokepoint tracker ("
                + found + "); nothing was written to it. Check the --db path, or make a new tracker with:"
                + " chokepoint init --db NEW.db");
    }

    /**
     * Refuses a job repository file ({@code -jobs.db}) that is not an intact SQLite database, in one line, before
     * JBeret opens it. An empty file is fine: JBeret creates its tables in it.
     */
    public static void checkJobRepository(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new TrackerException("job repository " + file + " is not a file; move it away (a new one is made,"
                    + " without the earlier runs' history)");
        }
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new TrackerException("cannot open job repository " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return;
        }
        String fix = "; the tracker itself is not affected. Move " + file + " away and run again: a new job repository"
                + " is made, without the history of earlier runs (their reports stay in the reports folder)";
        if (read < header.length || !Arrays.equals(header, SQLITE_HEADER)) {
            throw new TrackerException("job repository " + file + " is damaged (not a SQLite database)" + fix);
        }
        String result;
        try (Connection c = readOnly(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            result = rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && (se.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT
                    || se.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB)) {
                result = se.getResultCode().message;
            } else {
                throw new TrackerException("cannot open job repository " + file + ": " + e.getMessage(), e);
            }
        }
        if (!"ok".equals(result)) {
            String firstLine = result.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(result);
            throw new TrackerException("job repository " + file + " is damaged (SQLite quick_check: " + firstLine + ")"
                    + fix);
        }
    }

    /**
     * Files up to this size get SQLite's {@code quick_check}, which reads every page: 0.3 s at 66 MB, but 40 s for a
     * million projects (3.7 GB), as long as the job itself. A larger file is checked only as far as its header and
     * schema; a page damaged deeper in it is reported by SQLite when the job reads it.
     */
    static final long QUICK_CHECK_MAX_BYTES = 256L * 1024 * 1024;

    private static String integrityCheck(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = Long.MAX_VALUE;
        }
        // Reading the schema parses every table's definition from its first pages; "ok" keeps one way to answer.
        return size <= QUICK_CHECK_MAX_BYTES ? "PRAGMA quick_check(1)"
                : "SELECT CASE WHEN count(*) > 0 THEN 'ok' ELSE 'no tables' END FROM sqlite_schema";
    }

    private static boolean hasWal(Path file) {
        try {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static TrackerException damaged(Path given, Path file, String finding) {
        // quick_check's first line only names the schema ("*** in database main ***"); the next one says what.
        String firstLine = finding.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(finding);
        return new TrackerException("tracker database " + given + " is damaged (SQLite quick_check: " + firstLine
                + "); nothing was written to it. Recover what can be read into a new file with: sqlite3 " + file
                + " .recover | sqlite3 " + file.resolveSibling(file.getFileName() + ".recovered")
                + ", then use that file with --db (or restore a backup)");
    }

    /** A connection that cannot write to the file, nor change its journal mode. */
    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        return config.createConnection("jdbc:sqlite:" + file);
    }
}
