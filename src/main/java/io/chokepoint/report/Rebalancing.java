package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.chokepoint.summary.HistoryBuilder;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.summary.TrackRecord;
import io.chokepoint.summary.Trajectory;
import io.chokepoint.tracking.ReportPeriod;

/** "Is it rebalancing?": the trajectory over the report's window and the track record of announcements. */
public record Rebalancing(Trajectory trajectory, Optional<TrackRecord> trackRecord) {

    public static final Rebalancing NONE = new Rebalancing(Trajectory.NONE, Optional.empty());

    public Rebalancing {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(trackRecord, "trackRecord");
    }

    /**
     * Puts the one-pass recomputation beside what each period published. The report's own period is published by
     * this report: its point is marked published with the figures it prints.
     */
    public static Rebalancing of(HistoryBuilder.Result history, ReportPeriod period,
                                 Function<ReportPeriod, Optional<PublishedSummaries.Found>> published) {
        SupplyChainSummary now = history.summary(period).orElseThrow();
        List<Trajectory.PublishedSource> sources = new ArrayList<>();
        List<Optional<PublishedSummaries.Found>> found = new ArrayList<>();
        for (ReportPeriod p : history.periods()) {
            Optional<PublishedSummaries.Found> f = p.equals(period) ? Optional.empty() : published.apply(p);
            f.ifPresent(x -> sources.add(x.source()));
            found.add(f);
        }
        List<Trajectory.Stage> stages = new ArrayList<>();
        for (StageSummary s : now.stages()) {
            if (!s.hasCompleteBaseline()) {
                continue;
            }
            List<Trajectory.Point> points = new ArrayList<>();
            for (int i = 0; i < history.periods().size(); i++) {
                ReportPeriod p = history.periods().get(i);
                Trajectory.Shares known = shares(history.summaries().get(i).stage(s.stage()));
                Trajectory.Shares printed = p.equals(period) ? known
                        : found.get(i).map(f -> f.shares().getOrDefault(s.stage(), Trajectory.Shares.NONE)).orElse(null);
                points.add(new Trajectory.Point(p, known, printed));
            }
            stages.add(new Trajectory.Stage(s.stage(), points));
        }
        return new Rebalancing(new Trajectory(history.periods(), stages, sources), Optional.of(history.trackRecord()));
    }

    static Trajectory.Shares shares(StageSummary s) {
        return new Trajectory.Shares(s.chinaSharePercent().orElse(null),
                s.projected().flatMap(p -> p.chinaSharePercent()).orElse(null),
                s.projectedWeighted().flatMap(p -> p.chinaSharePercent()).orElse(null));
    }
}
