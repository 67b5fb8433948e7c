package io.chokepoint.summary;

import java.util.List;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ReportPeriod;

/**
 * China's share per stage, now and projected (as announced, risk-weighted), over the report's window of periods,
 * twice: as known now (recomputed from today's tracker by the same as-of rules) and as published (from each period's
 * latest completed summary, where one exists). The gap between the two is what late facts changed.
 *
 * @param periods   the window, oldest first, ending with the report's own period
 * @param stages    the stages with a current baseline in the report's period, in chain order
 * @param published the summaries read for the "as published" line, oldest first
 */
public record Trajectory(List<ReportPeriod> periods, List<Stage> stages, List<PublishedSource> published) {

    public Trajectory {
        periods = List.copyOf(periods);
        stages = List.copyOf(stages);
        published = List.copyOf(published);
    }

    public static final Trajectory NONE = new Trajectory(List.of(), List.of(), List.of());

    /** The three shares of one period; null where the period has no figure (no set, not computable). */
    public record Shares(Double now, Double asAnnounced, Double riskWeighted) {
        public static final Shares NONE = new Shares(null, null, null);

        public boolean isEmpty() {
            return now == null && asAnnounced == null && riskWeighted == null;
        }
    }

    /** One period of one stage: as known now and as published (null when no completed summary was found). */
    public record Point(ReportPeriod period, Shares knownNow, Shares published) {
        public Point {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(knownNow, "knownNow");
        }
    }

    public record Stage(ChainStage stage, List<Point> points) {
        public Stage {
            points = List.copyOf(points);
        }
    }

    /**
     * A summary the "as published" line was read from.
     *
     * @param file           its path relative to the reports folder; null for the report's own period (this report)
     * @param sha256         its SHA-256 (hex), as its manifest recorded it
     * @param jobExecutionId the completed execution that wrote it
     */
    public record PublishedSource(ReportPeriod period, String file, String sha256, long jobExecutionId) {
    }
}
