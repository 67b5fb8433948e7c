package io.chokepoint.report;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps the current version of a period's files before a rerun replaces them: each file is copied, atomically,
 * to {@code YYYY-MM/archive/<execution id>/} under the same name. The originals stay in place until the rerun
 * renames its own files over them, so the period never lacks a complete set of files.
 */
public final class ReportArchive {

    private ReportArchive() {
    }

    /**
     * Copies the period's workbook, PDF, summary, projects list and manifest, those that exist, into the archive of the execution that
     * produced them. Copying again (after a rerun was interrupted before it started) gives the same archive.
     *
     * @return the archived copies; empty if the period has no files
     */
    public static List<Path> keep(ReportFiles files, long producedBy) {
        Path target = files.archive(producedBy);
        List<Path> kept = new ArrayList<>();
        for (Path file : Stream.of(files.workbook(), files.pdf(), files.summary(), files.projectsCsv(), files.manifest()).filter(Files::isRegularFile).toList()) {
            Path copy = target.resolve(file.getFileName());
            AtomicFile.write(copy, out -> Files.copy(file, out));
            kept.add(copy);
        }
        return kept;
    }

    /** The execution that produced the period's current files, as their manifest says; empty without one. */
    public static Optional<Long> producer(ReportFiles files) {
        try {
            return ReportManifest.read(files.manifest()).map(ReportManifest::jobExecutionId);
        } catch (UncheckedIOException e) {
            return Optional.empty(); // an unreadable manifest says nothing; the caller falls back to the repository
        }
    }
}
