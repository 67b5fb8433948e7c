package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.ChainStage;

/**
 * The previous period as known now against what its latest completed report published (its summary file): one
 * line per stage and share that moved by 0.05 pp or more, e.g. "November 2025 restated: magnet now 91.1 % → 89.3 %
 * (7 facts recorded late)". A summary made under other rules or settings is not compared: one line says so.
 */
public final class Restatements {

    /** The smallest restatement page 1 names, in points. */
    static final double THRESHOLD = 0.05;

    private Restatements() {
    }

    public static List<String> lines(Report report) {
        Optional<PeriodSummary> published = report.previousReport();
        if (published.isEmpty()) {
            return List.of();
        }
        PeriodSummary was = published.get();
        String title = was.title();
        if (!PeriodSummary.RULES.equals(was.rules())
                || !report.summary().settings().canonical().equals(was.settings())) {
            return List.of(title + "'s report was made under other rules or analysis settings: its figures are not"
                    + " compared with these");
        }
        long late = report.analysis().changes().stream().filter(c -> c.kind().equals(AnalysisBuilder.REVISION))
                .count();
        int target = report.summary().settings().targetYear();
        List<String> lines = new ArrayList<>();
        for (PeriodSummary.Stage stage : was.stages()) {
            StageSummary now = report.analysis().previous().stage(ChainStage.fromCode(stage.stage()));
            line(lines, title, stage.stage() + " now", stage.chinaSharePercent(), now.chinaSharePercent(), late);
            if (stage.projection() != null) {
                line(lines, title, stage.stage() + " " + target + " as announced",
                        stage.projection().asAnnounced().chinaSharePercent(),
                        now.projected().flatMap(ProjectedShare::chinaSharePercent), late);
                line(lines, title, stage.stage() + " " + target + " risk-weighted",
                        stage.projection().riskWeighted().chinaSharePercent(),
                        now.projectedWeighted().flatMap(ProjectedShare::chinaSharePercent), late);
            }
        }
        return lines;
    }

    private static void line(List<String> lines, String title, String what, Double published, Optional<Double> known,
                             long late) {
        if (published == null || known.isEmpty() || Math.abs(known.get() - published) < THRESHOLD) {
            return;
        }
        lines.add(title + " restated: " + what + " " + Formats.percent(published) + " \u2192 "
                + Formats.percent(known.get()) + (late == 0 ? "" : " (" + late + (late == 1 ? " fact" : " facts")
                + " recorded late)"));
    }
}
