package io.chokepoint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code reports/YYYY-MM/manifest.json}: which job execution produced the period's files, from which input data,
 * and each file's SHA-256 and size, so that a reader can tell a complete, untouched set of files from anything
 * else. It is written last, atomically, once every file it lists is in place.
 *
 * @param period           the reporting month, {@code YYYY-MM}
 * @param jobExecutionId   the job execution that wrote the files
 * @param inputFingerprint fingerprint of the tracker's input rows ({@code sha256:…})
 * @param files            the files, by name relative to the manifest's directory
 * @param tracker          the tracker file they came from (absolute); null in manifests written before it was kept
 * @param summariesRead    the other periods' summaries the trajectory's "as published" line was read from, each with
 *                         its SHA-256 (empty in manifests written before the trajectory)
 */
@JsonPropertyOrder({"period", "jobExecutionId", "inputFingerprint", "files", "tracker", "summariesRead"})
public record ReportManifest(String period, long jobExecutionId, String inputFingerprint, List<FileEntry> files,
                             String tracker, List<SummaryRead> summariesRead) {

    public ReportManifest {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(inputFingerprint, "inputFingerprint");
        files = List.copyOf(files);
        summariesRead = summariesRead == null ? List.of() : List.copyOf(summariesRead);
    }

    public ReportManifest(String period, long jobExecutionId, String inputFingerprint, List<FileEntry> files,
                          String tracker) {
        this(period, jobExecutionId, inputFingerprint, files, tracker, List.of());
    }

    /** A summary read by this period's report: its period, its path relative to the reports folder, its SHA-256. */
    @JsonPropertyOrder({"period", "file", "sha256", "jobExecutionId"})
    public record SummaryRead(String period, String file, String sha256, long jobExecutionId) {
    }

    /** This manifest, listing the summaries read. */
    public ReportManifest withSummariesRead(List<SummaryRead> read) {
        return new ReportManifest(period, jobExecutionId, inputFingerprint, files, tracker, read);
    }

    /** One output file: its name in the period's directory, its SHA-256 (hex) and its size in bytes. */
    @JsonPropertyOrder({"name", "sha256", "size"})
    public record FileEntry(String name, String sha256, long size) {
        public FileEntry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** Hashes the file as it is now. */
        public static FileEntry of(Path file) {
            MessageDigest digest = newDigest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                long size = in.transferTo(OutputStream.nullOutputStream());
                return new FileEntry(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()), size);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Describes the files as they are on disk now. */
    public static ReportManifest describe(ReportFiles files, long jobExecutionId, String inputFingerprint,
                                          List<Path> written, Path tracker) {
        return describe(files, jobExecutionId, inputFingerprint, written, tracker.toString());
    }

    /** As above, for a tracker named by its file or its database URL. */
    public static ReportManifest describe(ReportFiles files, long jobExecutionId, String inputFingerprint,
                                          List<Path> written, String tracker) {
        return new ReportManifest(files.period().toString(), jobExecutionId, inputFingerprint,
                written.stream().map(FileEntry::of).toList(), tracker.toString());
    }

    /** Writes the manifest to {@code target} atomically (a reader sees the old one or the new one, whole). */
    public void writeTo(Path target) {
        AtomicFile.write(target, out -> out.write(toJson().getBytes(StandardCharsets.UTF_8)));
    }

    public String toJson() {
        try {
            return json().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest as JSON", e);
        }
    }

    /** Reads a manifest; empty if there is none. */
    public static Optional<ReportManifest> read(Path file) {
        try {
            return Optional.of(json().readValue(Files.readAllBytes(file), ReportManifest.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
