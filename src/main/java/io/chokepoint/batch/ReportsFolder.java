package io.chokepoint.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The period's reports folder before a run starts or restarts (with the tracker's lock held): temporary files a
 * killed run left behind are removed, and the folder is checked to take a file, so that a folder that cannot be
 * written (permissions, a full disk) is said in one line before any execution exists, not as a failed step.
 */
final class ReportsFolder {

    /** Hidden temporary files of atomic writes: {@code .<name>.<random>.tmp}. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.tmp");
    /** Written and removed again: room for a small file at least. */
    private static final int PROBE_BYTES = 64 * 1024;

    private ReportsFolder() {
    }

    /** @throws ReportsFolderException if the folder cannot be created or written */
    static void prepare(Path reportsDir, ReportPeriod period) {
        Path folder = new ReportFiles(reportsDir, period).directory();
        try {
            Files.createDirectories(folder);
            removeLeftovers(folder);
            Path probe = Files.createTempFile(folder, ".write-check-", ".tmp");
            try {
                Files.write(probe, new byte[PROBE_BYTES]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReportsFolderException("cannot write the reports of " + period + " to " + folder + ": "
                    + reason(e) + "; free some space or fix the folder's permissions, or choose another folder with"
                    + " --reports", e);
        }
    }

    /** Removes temporary files left by a run that was killed mid-write (the folder and its archive copies). */
    private static void removeLeftovers(Path folder) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> files = Files.walk(folder, 3)) {
            leftovers = files.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
    }

    /** The OS's reason, without Java's exception names: "No space left on device", "Permission denied". */
    static String reason(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileAlreadyExistsException || t instanceof NotDirectoryException) {
            return ((FileSystemException) t).getFile() + " is not a directory";
        }
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return t.getMessage();
    }
}
