package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.ProjectSnapshot;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Builds an {@link Analysis} from a stream of snapshots, in any order: the current and previous summaries side by
 * side, and the changes between the two states of each facility. Holds only facilities that changed. Not
 * thread-safe.
 */
public final class AnalysisBuilder implements Consumer<ProjectSnapshot> {

    private final SummaryAccumulator current;
    private final SummaryAccumulator previous;
    private final List<FacilityEvent> events;
    private final Set<String> facilitiesWithEvents;
    private final List<FacilityEvent> revisions;
    private final Set<String> revisedFacilities;
    /** The kind of a change that revises an earlier period's report. */
    public static final String REVISION = "revision";

    private final Map<String, FacilityChange> facilities = new TreeMap<>();
    private final ReportPeriod period;

    AnalysisBuilder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                    List<FacilityEvent> eventsInPeriod, List<FacilityEvent> revisions) {
        this.period = period;
        this.current = new SummaryAccumulator(period, settings, baselines, ProjectSnapshot::current);
        this.previous = new SummaryAccumulator(period.previous(), settings, baselines, ProjectSnapshot::previous);
        this.events = eventsInPeriod.stream()
                .sorted(Comparator.comparing(FacilityEvent::date).thenComparing(FacilityEvent::facilityId))
                .toList();
        this.facilitiesWithEvents = events.stream().map(FacilityEvent::facilityId).collect(Collectors.toSet());
        this.revisions = List.copyOf(revisions);
        this.revisedFacilities = revisions.stream().map(FacilityEvent::facilityId).collect(Collectors.toSet());
    }

    @Override
    public void accept(ProjectSnapshot snapshot) {
        current.accept(snapshot);
        previous.accept(snapshot);
        ProjectState now = snapshot.current();
        ProjectState before = snapshot.previous();
        boolean changed = now.reported() != before.reported()
                || (now.reported() && (now.status() != before.status()
                || !Objects.equals(now.targetYear(), before.targetYear())));
        String facility = snapshot.project().facilityId();
        if (changed || facilitiesWithEvents.contains(facility) || revisedFacilities.contains(facility)) {
            facilities.computeIfAbsent(facility, f -> new FacilityChange(facility)).add(snapshot);
        }
    }

    public Analysis finish() {
        List<Change> changes = new ArrayList<>();
        for (FacilityEvent e : events) {
            FacilityChange f = facilities.get(e.facilityId());
            if (f == null) {
                continue; // an event of a facility with no project rows: nothing to report it against
            }
            String from = "";
            String to = "";
            if (e.kind() == io.chokepoint.tracking.EventKind.TARGET_CHANGE) {
                from = f.before().reported() ? year(f.before()) : "";
                to = year(f.now());
            } else if (e.statusAfter() != null) {
                from = f.before().reported() ? f.before().status().code() : "";
                to = e.statusAfter().code();
            }
            changes.add(new Change(e.date(), e.kind().code(), e.facilityId(), f.sortedIds(), f.company(),
                    List.copyOf(new java.util.TreeSet<>(f.stages)), from, to, detail(e), e.source(), true));
        }
        for (FacilityEvent e : revisions) {
            FacilityChange f = facilities.get(e.facilityId());
            if (f == null) {
                continue;
            }
            // A fact about an earlier month, recorded after that month was reported: the earlier report is revised.
            changes.add(new Change(e.date(), REVISION, e.facilityId(), f.sortedIds(), f.company(),
                    List.copyOf(new java.util.TreeSet<>(f.stages)), "",
                    e.statusAfter() == null ? "" : e.statusAfter().code(),
                    "recorded after the " + period.previous() + " report: " + e.kind().code()
                            + (detail(e).isEmpty() ? "" : " — " + detail(e)), e.source(), false));
        }
        for (FacilityChange f : facilities.values()) {
            if (facilitiesWithEvents.contains(f.facilityId)) {
                continue; // the events already say what happened
            }
            if (f.now().reported() && !f.before().reported()) {
                changes.add(f.change("new_project", "", f.now().status().code(), period.lastDay()));
            } else if (f.now().reported() && f.now().status() != f.before().status()) {
                changes.add(f.change("status_change", f.before().status().code(), f.now().status().code(),
                        period.lastDay()));
            }
            if (f.now().reported() && f.before().reported() && !Objects.equals(f.now().targetYear(), f.before().targetYear())) {
                changes.add(f.change("target_year_change", year(f.before()), year(f.now()), period.lastDay()));
            }
        }
        changes.sort(Comparator.comparing(Change::date).thenComparing(Change::facilityId).thenComparing(Change::kind));
        return new Analysis(current.finish(), previous.finish(), changes);
    }

    private static String year(ProjectState state) {
        return state.targetYear() == null ? "" : state.targetYear().toString();
    }

    private static String detail(FacilityEvent e) {
        return java.util.stream.Stream.of(e.value(), e.notes()).filter(Objects::nonNull)
                .collect(Collectors.joining(" — "));
    }

    /**
     * A facility's changed rows in this period and the facility's states before and now, taken from its first row
     * in (stage, country, id) order, whatever order the rows come in.
     */
    private static final class FacilityChange {
        private static final Comparator<ProjectSnapshot> FIRST = Comparator
                .comparing((ProjectSnapshot s) -> s.project().stage())
                .thenComparing(s -> s.project().country())
                .thenComparing(s -> s.project().id());
        final String facilityId;
        ProjectSnapshot first;
        final List<String> projectIds = new ArrayList<>();
        final Set<ChainStage> stages = new LinkedHashSet<>();

        FacilityChange(String facilityId) {
            this.facilityId = facilityId;
        }

        void add(ProjectSnapshot snapshot) {
            projectIds.add(snapshot.project().id());
            stages.add(snapshot.project().stage());
            first = first == null || FIRST.compare(snapshot, first) < 0 ? snapshot : first;
        }

        ProjectState now() {
            return first.current();
        }

        ProjectState before() {
            return first.previous();
        }

        String company() {
            return first.project().company();
        }

        /** The change is dated by the first row's latest evidence that the period could see. */
        java.time.LocalDate evidenceDate(java.time.LocalDate lastDay) {
            java.time.LocalDate asOf = first.project().statusAsOf();
            java.time.LocalDate announced = first.project().announcedOn();
            return asOf != null && !asOf.isAfter(lastDay) ? asOf
                    : announced != null && !announced.isAfter(lastDay) ? announced : lastDay;
        }

        List<String> sortedIds() {
            return projectIds.stream().sorted().toList();
        }

        Change change(String kind, String from, String to, java.time.LocalDate lastDay) {
            return new Change(evidenceDate(lastDay), kind, facilityId, sortedIds(), company(),
                    List.copyOf(new java.util.TreeSet<>(stages)), from, to, "", first.project().sources(), false);
        }
    }

}
