package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.DatePrecision;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Splits each stage's share changes into parts (see {@link Attribution}). It starts from the totals with this
 * period's baseline set and the previous period's states (the bridge), then applies the period's facts one at a
 * time, each moving only its own facility's rows: a fact's part is the share after it minus the share before it.
 */
final class AttributionBuilder {

    /** A fact dated in the period: an event, or a row's announcement or own status (the rows it concerns). */
    private record Fact(LocalDate date, String facilityId, int rank, int sequence, FacilityEvent event,
                        Set<String> rows, String text, String company, DatePrecision precision) {
    }

    private static final int ANNOUNCEMENT = 0;
    private static final int EVENT = 1;
    private static final int ROW_STATUS = 2;

    private AttributionBuilder() {
    }

    /**
     * @param rows            the project rows of every facility with facts dated in the period
     * @param facilityEvents  every event of a facility, in the order recorded
     */
    static List<Attribution> build(ReportPeriod period, SummaryAccumulator previous, SummaryAccumulator bridge,
                                   SummaryAccumulator current, SupplyChainSummary previousSummary,
                                   SupplyChainSummary currentSummary, Map<String, List<Project>> rows,
                                   Function<String, List<FacilityEvent>> facilityEvents) {
        LocalDate first = period.month().atDay(1);
        LocalDate before = period.previous().lastDay();
        LocalDate last = period.lastDay();
        List<Fact> facts = new ArrayList<>();
        Map<String, List<FacilityEvent>> eventsOf = new java.util.HashMap<>();
        for (Map.Entry<String, List<Project>> facility : rows.entrySet()) {
            String id = facility.getKey();
            String company = facility.getValue().stream().min(Comparator.comparing(Project::stage)
                    .thenComparing(Project::id)).map(Project::company).orElse("");
            List<FacilityEvent> events = List.copyOf(facilityEvents.apply(id));
            eventsOf.put(id, events);
            for (int i = 0; i < events.size(); i++) {
                FacilityEvent e = events.get(i);
                if (!e.date().isBefore(first) && !e.date().isAfter(last)) {
                    facts.add(new Fact(e.date(), id, EVENT, i, e, Set.of(), company + ": " + e.kind().code()
                            + (e.value() == null ? "" : " \u2014 " + e.value()), company, e.precision()));
                }
            }
            facility.getValue().stream().filter(p -> inPeriod(p.announcedOn(), first, last))
                    .collect(Collectors.groupingBy(Project::announcedOn)).forEach((date, announced) ->
                            facts.add(new Fact(date, id, ANNOUNCEMENT, 0, null, ids(announced),
                                    company + ": announced", company, DatePrecision.DAY)));
            facility.getValue().stream().filter(p -> inPeriod(p.statusAsOf(), first, last))
                    .collect(Collectors.groupingBy(Project::statusAsOf)).forEach((date, dated) ->
                            facts.add(new Fact(date, id, ROW_STATUS, 0, null, ids(dated),
                                    company + ": status " + dated.get(0).status().code() + " as of " + date, company,
                                    dated.get(0).statusAsOfPrecision())));
        }
        facts.sort(Comparator.comparing(Fact::date).thenComparing(Fact::facilityId).thenComparingInt(Fact::rank)
                .thenComparingInt(Fact::sequence));

        List<Attribution> attributions = new ArrayList<>();
        AnalysisSettings settings = current.settings();
        for (ChainStage stage : ChainStage.values()) {
            Optional<SummaryAccumulator.Totals> was = previous.totals(stage);
            Optional<SummaryAccumulator.Totals> start = bridge.totals(stage);
            if (was.isEmpty() || start.isEmpty() || current.totals(stage).isEmpty()) {
                continue; // nothing is shown for a share that P or P−1 lacks
            }
            BaselineSet set = current.baseline(stage);
            String unit = current.unit(stage);
            // The running totals, and each share's parts, as the facts are applied one by one.
            SummaryAccumulator.Totals totals = start.get();
            List<List<Attribution.Part>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            String baselineText = baselineText(previous.baseline(stage), set);
            for (int s = 0; s < 3; s++) {
                parts.get(s).add(new Attribution.Part(true, baselineText, null, null, null, null,
                        totals.share(s) - was.get().share(s)));
            }
            Map<String, Set<Fact>> applied = new java.util.HashMap<>();
            for (Fact fact : facts) {
                List<Project> stageRows = rows.get(fact.facilityId()).stream().filter(p -> p.stage() == stage).toList();
                if (stageRows.isEmpty()) {
                    continue;
                }
                Set<Fact> known = applied.computeIfAbsent(fact.facilityId(), f -> new HashSet<>());
                SummaryAccumulator.Totals next = totals;
                for (Project row : stageRows) {
                    boolean china = row.country().equals(Country.CHINA);
                    ProjectState old = state(row, eventsOf.get(fact.facilityId()), known, before);
                    Set<Fact> withIt = new HashSet<>(known);
                    withIt.add(fact);
                    ProjectState now = state(row, eventsOf.get(fact.facilityId()), withIt, before);
                    next = next.plus(china, SummaryAccumulator.contribution(row, old, unit, set, settings), -1)
                            .plus(china, SummaryAccumulator.contribution(row, now, unit, set, settings), 1);
                }
                known.add(fact);
                for (int s = 0; s < 3; s++) {
                    parts.get(s).add(new Attribution.Part(false, fact.text(), fact.facilityId(), fact.company(),
                            fact.date(), fact.precision(), next.share(s) - totals.share(s)));
                }
                totals = next;
            }
            StageSummary was2 = previousSummary.stage(stage);
            StageSummary now2 = currentSummary.stage(stage);
            for (Attribution.Share share : Attribution.Share.values()) {
                Optional<Double> p = shareOf(now2, share);
                Optional<Double> q = shareOf(was2, share);
                if (p.isEmpty() || q.isEmpty()) {
                    continue;
                }
                int s = share.index();
                attributions.add(new Attribution(stage, share, settings.targetYear(), was.get().share(s),
                        totals.share(s), parts.get(s)));
            }
        }
        return attributions;
    }

    private static Optional<Double> shareOf(StageSummary s, Attribution.Share share) {
        return switch (share) {
            case NOW -> s.chinaSharePercent();
            case AS_ANNOUNCED -> s.projected().flatMap(ProjectedShare::chinaSharePercent);
            case RISK_WEIGHTED -> s.projectedWeighted().flatMap(ProjectedShare::chinaSharePercent);
        };
    }

    /** A row's state with the facts before the period and those of the period in {@code applied}. */
    private static ProjectState state(Project row, List<FacilityEvent> events, Set<Fact> applied, LocalDate before) {
        List<FacilityEvent> known = new ArrayList<>();
        for (FacilityEvent e : events) {
            if (!e.date().isAfter(before)) {
                known.add(e);
            }
        }
        boolean announced = row.announcedOn() != null && !row.announcedOn().isAfter(before);
        boolean rowStatus = row.statusAsOf() != null && !row.statusAsOf().isAfter(before);
        for (Fact f : applied) {
            if (f.event() != null) {
                known.add(f.event());
            } else if (f.rank() == ANNOUNCEMENT && f.rows().contains(row.id())) {
                announced = true;
            } else if (f.rank() == ROW_STATUS && f.rows().contains(row.id())) {
                rowStatus = true;
            }
        }
        // Recorded order within a date: events of the facility in the order of its list.
        known.sort(Comparator.comparingInt(events::indexOf));
        return ProjectState.known(row, known, announced, rowStatus);
    }

    private static boolean inPeriod(LocalDate date, LocalDate first, LocalDate last) {
        return date != null && !date.isBefore(first) && !date.isAfter(last);
    }

    private static Set<String> ids(List<Project> projects) {
        return projects.stream().map(Project::id).collect(Collectors.toUnmodifiableSet());
    }

    /** What the baseline part is about: the same set, a newer one, or a set that became current or stale. */
    private static String baselineText(BaselineSet before, BaselineSet now) {
        if (Objects.equals(before == null ? null : before.year(), now == null ? null : now.year())
                && before != null && before.rows().equals(now.rows())) {
            return "baseline: the " + now.year() + " set, unchanged";
        }
        if (before == null) {
            return "baseline: the " + now.year() + " set became current";
        }
        if (before.year() == now.year()) {
            return "baseline: the " + now.year() + " set was revised (rows published since)";
        }
        return "baseline: the " + now.year() + " set replaced the " + before.year() + " set";
    }
}
