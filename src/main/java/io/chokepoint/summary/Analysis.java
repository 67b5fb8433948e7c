package io.chokepoint.summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.ReportPeriod;

/** A period's numbers, the previous period's (recomputed from the same data), and what changed between them. */
public record Analysis(SupplyChainSummary current, SupplyChainSummary previous, List<Change> changes,
                       List<Attribution> attribution, List<News> news) {

    public Analysis {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        changes = List.copyOf(changes);
        attribution = List.copyOf(attribution);
        news = List.copyOf(news);
    }

    /** An analysis without change attribution. */
    public Analysis(SupplyChainSummary current, SupplyChainSummary previous, List<Change> changes) {
        this(current, previous, changes, List.of(), List.of());
    }

    /** The attribution of one stage's share, if both periods have it. */
    public Optional<Attribution> attribution(ChainStage stage, Attribution.Share share) {
        return attribution.stream().filter(a -> a.stage() == stage && a.share() == share).findFirst();
    }

    /**
     * Starts an analysis of {@code period}; feed it every project snapshot of the period, then call
     * {@link AnalysisBuilder#finish()}. {@code eventsInPeriod} are the events dated within the period.
     */
    public static AnalysisBuilder builder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                                          List<FacilityEvent> eventsInPeriod) {
        return builder(period, settings, baselines, eventsInPeriod, List.of());
    }

    /**
     * As {@link #builder(ReportPeriod, AnalysisSettings, List, List)}, with {@code revisions}: events dated before
     * the period but recorded after the previous period was reported, listed as changes of kind
     * {@code revision}.
     */
    public static AnalysisBuilder builder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                                          List<FacilityEvent> eventsInPeriod, List<FacilityEvent> revisions) {
        // Without the tracker's full event lists, a facility's events are those given (the period's and revisions).
        List<FacilityEvent> known = new java.util.ArrayList<>(eventsInPeriod);
        known.addAll(revisions);
        return builder(period, settings, baselines, eventsInPeriod, revisions, facility -> known.stream()
                .filter(e -> e.facilityId().equals(facility)).toList());
    }

    /**
     * As above, with {@code facilityEvents}: every event of a facility, in the order recorded, for the change
     * attribution (it re-applies the period's facts on top of the earlier ones).
     */
    public static AnalysisBuilder builder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                                          List<FacilityEvent> eventsInPeriod, List<FacilityEvent> revisions,
                                          java.util.function.Function<String, List<FacilityEvent>> facilityEvents) {
        return withEventsOf(period, settings, baselines, eventsInPeriod, revisions, facilities -> {
            java.util.Map<String, List<FacilityEvent>> events = new java.util.HashMap<>();
            facilities.forEach(f -> events.put(f, facilityEvents.apply(f)));
            return events;
        });
    }

    /** As above, with {@code eventsOf}: every event of each facility asked for, at once, by facility. */
    public static AnalysisBuilder withEventsOf(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
            List<FacilityEvent> eventsInPeriod, List<FacilityEvent> revisions,
            java.util.function.Function<java.util.Collection<String>, java.util.Map<String, List<FacilityEvent>>> eventsOf) {
        return new AnalysisBuilder(period, settings, baselines, eventsInPeriod, revisions, eventsOf);
    }

    /** Change of the stage's operating China share since the previous period, in percentage points. */
    public Optional<Double> chinaShareChange(ChainStage stage) {
        return difference(current.stage(stage).chinaSharePercent(), previous.stage(stage).chinaSharePercent());
    }

    /** Change of the stage's risk-weighted projected China share since the previous period, in points. */
    public Optional<Double> projectedShareChange(ChainStage stage) {
        return difference(current.stage(stage).projectedChinaSharePercent(),
                previous.stage(stage).projectedChinaSharePercent());
    }

    private static Optional<Double> difference(Optional<Double> now, Optional<Double> before) {
        return now.isPresent() && before.isPresent() ? Optional.of(now.get() - before.get()) : Optional.empty();
    }
}
