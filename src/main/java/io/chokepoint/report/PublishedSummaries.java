package io.chokepoint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chokepoint.summary.Trajectory;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Finds what a period's report published: its latest {@code summary-YYYY-MM.json} whose job execution COMPLETED.
 * The candidates are the period's current files and each archived version ({@code archive/<id>/}); a summary counts
 * only when its manifest, written last by the execution that made it, names that execution and the summary's exact
 * SHA-256 (a rerun that failed after replacing the summary but before its manifest leaves a mismatch, never a
 * false "published"). Reads only the figures it needs, so summaries written by other releases still read.
 */
public final class PublishedSummaries {

    private final Path reportsDir;
    private final LongPredicate completed;

    /**
     * @param completed whether a job execution, by id, COMPLETED (from the job repository)
     */
    public PublishedSummaries(Path reportsDir, LongPredicate completed) {
        this.reportsDir = reportsDir;
        this.completed = completed;
    }

    /** A published summary: where it is, its hash, the execution that wrote it, its figures per stage. */
    public record Found(Trajectory.PublishedSource source, Map<ChainStage, Trajectory.Shares> shares, JsonNode json) {
    }

    /** The period's latest completed summary, if any. */
    public Optional<Found> latest(ReportPeriod period) {
        ReportFiles files = new ReportFiles(reportsDir, period);
        List<Path> directories = new ArrayList<>();
        directories.add(files.directory());
        Path archive = files.directory().resolve("archive");
        if (Files.isDirectory(archive)) {
            try (Stream<Path> versions = Files.list(archive)) {
                versions.filter(Files::isDirectory).forEach(directories::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + archive + ": " + e.getMessage(), e);
            }
        }
        return directories.stream()
                .map(dir -> candidate(dir, period))
                .flatMap(Optional::stream)
                .filter(c -> completed.test(c.source().jobExecutionId()))
                .max(Comparator.comparingLong(c -> c.source().jobExecutionId()));
    }

    private Optional<Found> candidate(Path dir, ReportPeriod period) {
        Path summary = dir.resolve("summary-" + period + ".json");
        if (!Files.isRegularFile(summary)) {
            return Optional.empty();
        }
        Optional<ReportManifest> manifest;
        try {
            manifest = ReportManifest.read(dir.resolve("manifest.json"));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty(); // an unreadable manifest vouches for nothing
        }
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        String recorded = manifest.get().files().stream().filter(f -> f.name().equals(summary.getFileName().toString()))
                .map(ReportManifest.FileEntry::sha256).findFirst().orElse(null);
        ReportManifest.FileEntry actual = ReportManifest.FileEntry.of(summary);
        if (recorded == null || !recorded.equals(actual.sha256())) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<ChainStage, Trajectory.Shares> shares = shares(json);
        String relative = reportsDir.relativize(summary).toString().replace('\\', '/');
        return Optional.of(new Found(new Trajectory.PublishedSource(period, relative, actual.sha256(),
                manifest.get().jobExecutionId()), shares, json));
    }

    /** The three China shares of each stage of a summary (any schema version that has them). */
    public static Map<ChainStage, Trajectory.Shares> shares(JsonNode summary) {
        Map<ChainStage, Trajectory.Shares> shares = new EnumMap<>(ChainStage.class);
        for (JsonNode stage : summary.path("stages")) {
            ChainStage code;
            try {
                code = ChainStage.fromCode(stage.path("stage").asText());
            } catch (IllegalArgumentException e) {
                continue; // a stage this release does not know
            }
            shares.put(code, new Trajectory.Shares(number(stage.path("chinaSharePercent")),
                    number(stage.path("projection").path("asAnnounced").path("chinaSharePercent")),
                    number(stage.path("projection").path("riskWeighted").path("chinaSharePercent"))));
        }
        return shares;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
