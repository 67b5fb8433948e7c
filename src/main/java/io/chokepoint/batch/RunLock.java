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

import io.chokepoint.tracking.TrackerFile;

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

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockHolder holder;
    private final Optional<LockHolder> stale;

    private RunLock(Path file, FileChannel channel, FileLock lock, LockHolder holder, Optional<LockHolder> stale) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.stale = stale;
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
            LockHolder self = new LockHolder(ProcessHandle.current().pid(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
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

    /** Empties the file and releases the lock. */
    @Override
    public void close() {
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

    /**
     * A process that holds (or held) a run lock.
     *
     * @param pid   its process id
     * @param since when it took the lock
     */
    public record LockHolder(long pid, Instant since) {

        /** Whether a process with this pid is running now (it may be another process that reused the pid). */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        String toContent() {
            return "pid=" + pid + "\nsince=" + since + "\n";
        }

        static Optional<LockHolder> parse(String content) {
            Long pid = null;
            Instant since = null;
            for (String line : content.split("\n")) {
                String[] kv = line.strip().split("=", 2);
                try {
                    if (kv.length == 2 && kv[0].equals("pid")) {
                        pid = Long.parseLong(kv[1].strip());
                    } else if (kv.length == 2 && kv[0].equals("since")) {
                        since = Instant.parse(kv[1].strip());
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    // a garbled line says nothing about the holder
                }
            }
            return pid == null ? Optional.empty() : Optional.of(new LockHolder(pid, since));
        }

        @Override
        public String toString() {
            return "pid " + pid + (since == null ? "" : ", since " + since);
        }
    }
}
