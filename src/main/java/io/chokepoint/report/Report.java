package io.chokepoint.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Everything a report format needs for one period: the numbers (with the previous period's and the changes),
 * the baselines they rest on, a way to walk the project rows (which may be too many to hold in memory), and the
 * previous period's latest completed summary, if any (restatements are measured against it), and the trajectory and
 * track record ("is it rebalancing?").
 */
public record Report(
        ReportPeriod period,
        LocalDate generatedOn,
        Analysis analysis,
        List<Baseline> baselines,
        ProjectRows projects,
        Optional<PeriodSummary> previousReport,
        Rebalancing rebalancing) {

    public Report {
        previousReport = previousReport == null ? Optional.empty() : previousReport;
        rebalancing = rebalancing == null ? Rebalancing.NONE : rebalancing;
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedOn, "generatedOn");
        Objects.requireNonNull(analysis, "analysis");
        baselines = List.copyOf(baselines);
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(rebalancing, "rebalancing");
    }

    /** A report with no previous summary to measure restatements against. */
    public Report(ReportPeriod period, LocalDate generatedOn, Analysis analysis, List<Baseline> baselines,
                  ProjectRows projects) {
        this(period, generatedOn, analysis, baselines, projects, Optional.empty());
    }

    /** A report without its history (trajectory and track record), for callers that do not recompute it. */
    public Report(ReportPeriod period, LocalDate generatedOn, Analysis analysis, List<Baseline> baselines,
                  ProjectRows projects, Optional<PeriodSummary> previousReport) {
        this(period, generatedOn, analysis, baselines, projects, previousReport, Rebalancing.NONE);
    }

    /** The period's numbers (the analysis's current summary). */
    public SupplyChainSummary summary() {
        return analysis.current();
    }

    /** The as-of date of every number in the report. */
    public LocalDate asOf() {
        return period.lastDay();
    }
}
