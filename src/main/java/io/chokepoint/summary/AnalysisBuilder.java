package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Expansion;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Builds an {@link Analysis} from a stream of snapshots, in any order: the current and previous summaries side by
 * side, and the changes between the two states of each project. A change row appears only where a project's state
 * differs between the two dates (status, target year, capacity today, planned expansion, or its first appearance),
 * whatever event carried it. Holds only facilities that changed or had events. Not thread-safe.
 */
public final class AnalysisBuilder implements Consumer<PeriodProject> {

    /** The kind of a change that revises an earlier period's report. */
    public static final String REVISION = "revision";
    /** Change kinds, for the readers that word them. */
    public static final String NEW_PROJECT = "new_project";
    /** A project first seen this period that is not new: it existed before the tracker followed it. */
    public static final String FIRST_TRACKED = "first_tracked";
    public static final String STATUS_CHANGE = "status_change";
    public static final String CANCELLATION = "cancellation";
    public static final String SUSPENSION = "suspension";
    public static final String SLIP = "slip";
    public static final String ACCELERATION = "acceleration";
    public static final String TARGET_YEAR_SET = "target_year_set";
    public static final String TIMELINE_WITHDRAWN = "timeline_withdrawn";
    public static final String CAPACITY_REVISION = "capacity_revision";
    public static final String PLANNED_EXPANSION = "planned_expansion";

    private final SummaryAccumulator current;
    private final SummaryAccumulator previous;
    /** This period's baseline sets with the previous period's states: where change attribution starts. */
    private final SummaryAccumulator bridge;
    /** Every event of each facility asked for, in the order recorded, by facility. */
    private final java.util.function.Function<java.util.Collection<String>, Map<String, List<FacilityEvent>>> facilityEvents;
    private final Map<String, List<FacilityEvent>> eventCache = new java.util.HashMap<>();
    private final Map<String, List<FacilityEvent>> eventsByFacility;
    private final List<FacilityEvent> revisions;
    private final Set<String> revisedFacilities;
    private final Map<String, FacilityChange> facilities = new TreeMap<>();
    private final ReportPeriod period;
    /** Events that are news this period by their date's precision, by facility. */
    private Map<String, List<FacilityEvent>> newsByFacility = Map.of();

    AnalysisBuilder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                    List<FacilityEvent> eventsInPeriod, List<FacilityEvent> revisions,
                    java.util.function.Function<java.util.Collection<String>, Map<String, List<FacilityEvent>>> facilityEvents) {
        this.period = period;
        this.bridge = new SummaryAccumulator(period, settings, baselines, PeriodProject::previous);
        this.facilityEvents = facilityEvents;
        this.current = new SummaryAccumulator(period, settings, baselines, PeriodProject::current);
        this.previous = new SummaryAccumulator(period.previous(), settings, baselines, PeriodProject::previous);
        // Stable sort: events of the same date keep the order they were recorded in.
        this.eventsByFacility = eventsInPeriod.stream()
                .sorted(Comparator.comparing(FacilityEvent::date))
                .collect(Collectors.groupingBy(FacilityEvent::facilityId, TreeMap::new, Collectors.toList()));
        this.revisions = List.copyOf(revisions);
        this.revisedFacilities = revisions.stream().map(FacilityEvent::facilityId).collect(Collectors.toSet());
        newsCandidates(eventsInPeriod);
    }

    @Override
    public void accept(PeriodProject snapshot) {
        current.accept(snapshot);
        previous.accept(snapshot);
        bridge.accept(snapshot);
        String facility = snapshot.project().facilityId();
        if (!differences(snapshot).isEmpty() || eventsByFacility.containsKey(facility)
                || revisedFacilities.contains(facility) || newsByFacility.containsKey(facility)) {
            facilities.computeIfAbsent(facility, f -> new FacilityChange()).add(snapshot);
        }
    }

    /** Whether the facility has a change, an event or a revision this period (the attribution needs its events). */
    public boolean changes(String facilityId) {
        return facilities.containsKey(facilityId);
    }

    /**
     * Gives a changed facility's events, in the order recorded, as read with its projects, so that {@link #finish}
     * does not read them again (their typed facts are kept; see {@link FacilityEvent#typedFacts}).
     */
    public void knowEvents(String facilityId, List<FacilityEvent> inRecordingOrder) {
        if (!eventCache.containsKey(facilityId)) {
            eventCache.put(facilityId, inRecordingOrder.stream().map(e -> e.typedFacts(facilityId)).toList());
        }
    }

    /** Gives the tracker's export controls: their states, changes of state and the exposure join both summaries. */
    public AnalysisBuilder controls(List<io.chokepoint.tracking.ExportControl> controls) {
        current.controls(controls);
        previous.controls(controls);
        return this;
    }

    /**
     * The events that may be news this period (dated up to a year before its end): those whose day, month, quarter
     * or year ends in the period are. Call before the snapshots are fed in.
     */
    public AnalysisBuilder newsCandidates(List<FacilityEvent> candidates) {
        LocalDate first = period.month().atDay(1);
        this.newsByFacility = candidates.stream()
                .filter(e -> !e.newsDate().isBefore(first) && !e.newsDate().isAfter(period.lastDay()))
                .collect(Collectors.groupingBy(FacilityEvent::facilityId, TreeMap::new, Collectors.toList()));
        return this;
    }

    public Analysis finish() {
        // Every changed facility's events, asked for at once.
        List<String> unknown = facilities.keySet().stream().filter(f -> !eventCache.containsKey(f)).toList();
        Map<String, List<FacilityEvent>> fetched = facilityEvents.apply(unknown);
        unknown.forEach(f -> eventCache.put(f, fetched.getOrDefault(f, List.of())));
        List<Change> changes = new ArrayList<>();
        java.util.Set<FacilityEvent> carriers = new java.util.HashSet<>();
        for (Map.Entry<String, FacilityChange> entry : facilities.entrySet()) {
            changes.addAll(entry.getValue().changes(entry.getKey(),
                    eventsByFacility.getOrDefault(entry.getKey(), List.of()), period.lastDay(), carriers,
                    allEvents(entry.getKey())));
        }
        List<News> news = new ArrayList<>();
        newsByFacility.forEach((facility, events) -> {
            FacilityChange f = facilities.get(facility);
            if (f == null) {
                return; // an event of a facility with no project rows
            }
            for (FacilityEvent e : events) {
                List<PeriodProject> rows = f.rows.stream().filter(r -> e.appliesTo(r.project().stage())).toList();
                news.add(new News(e, f.company(), rows.stream().map(r -> r.project().id()).sorted().toList(),
                        List.copyOf(rows.stream().map(r -> r.project().stage())
                                .collect(Collectors.toCollection(TreeSet::new))),
                        carriers.contains(e)));
            }
        });
        news.sort(Comparator.comparing(News::date).thenComparing(n -> n.event().facilityId()));
        for (FacilityEvent e : revisions) {
            FacilityChange f = facilities.get(e.facilityId());
            if (f == null) {
                continue; // an event of a facility with no project rows: nothing to report it against
            }
            // A fact about an earlier month, recorded after that month was reported: the earlier report is revised.
            changes.add(new Change(e.date(), REVISION, e.facilityId(), f.sortedIds(), f.company(), f.stages(), "",
                    e.statusAfter() == null ? "" : e.statusAfter().code(),
                    "recorded after the " + period.previous() + " report: " + e.kind().code()
                            + (quote(e).isEmpty() ? "" : " — " + quote(e)), e.source(), false));
        }
        changes.sort(Comparator.comparing(Change::date).thenComparing(Change::facilityId).thenComparing(Change::kind)
                .thenComparing(c -> String.join(",", c.projectIds())));
        SupplyChainSummary now = current.finish();
        SupplyChainSummary before = previous.finish();
        Map<String, List<io.chokepoint.tracking.Project>> rows = new TreeMap<>();
        facilities.forEach((id, f) -> rows.put(id, f.rows.stream().map(PeriodProject::project).toList()));
        List<Attribution> attribution = AttributionBuilder.build(period, previous, bridge, current, before, now, rows,
                this::allEvents);
        return new Analysis(now, before, changes, attribution, news);
    }

    /** What differs in one project's state between the previous period's last day and this one's. */
    static List<Difference> differences(PeriodProject snapshot) {
        ProjectState now = snapshot.current();
        ProjectState before = snapshot.previous();
        List<Difference> differences = new ArrayList<>();
        if (!now.reported()) {
            return differences;
        }
        if (!before.reported()) {
            differences.add(new Difference(NEW_PROJECT, "", now.status().code(), e -> true));
            return differences;
        }
        if (now.status() != before.status()) {
            String kind = now.status() == ProjectStatus.CANCELLED ? CANCELLATION
                    : now.status() == ProjectStatus.SUSPENDED ? SUSPENSION : STATUS_CHANGE;
            differences.add(new Difference(kind, before.status().code(), now.status().code(),
                    e -> e.statusAfter() != null));
        }
        if (!Objects.equals(now.targetYear(), before.targetYear())) {
            String kind = now.targetYear() == null ? TIMELINE_WITHDRAWN
                    : before.targetYear() == null ? TARGET_YEAR_SET
                    : now.targetYear() > before.targetYear() ? SLIP : ACCELERATION;
            differences.add(new Difference(kind, year(before.targetYear()), year(now.targetYear()),
                    e -> e.targetYear() != null));
        }
        if (!Objects.equals(now.capacity(), before.capacity())) {
            // Only the basis moved (a nameplate confirmed as actual output): say so, or the row reads "200 t → 200 t".
            boolean basisOnly = before.capacity() != null && now.capacity() != null
                    && capacity(before.capacity()).equals(capacity(now.capacity()));
            differences.add(new Difference(CAPACITY_REVISION,
                    capacity(before.capacity()) + (basisOnly ? " (" + before.capacity().basis().code() + ")" : ""),
                    capacity(now.capacity()) + (basisOnly ? " (" + now.capacity().basis().code() + ")" : ""),
                    e -> e.capacity() != null));
        }
        if (!Objects.equals(now.expansion(), before.expansion())) {
            differences.add(new Difference(PLANNED_EXPANSION, expansion(before.expansion()),
                    expansion(now.expansion()), FacilityEvent::statesTargetWithYear));
        }
        return differences;
    }

    /**
     * One difference of a project's state: its kind, the state before and after as text, and which of the month's
     * events can have carried it.
     */
    record Difference(String kind, String from, String to, Predicate<FacilityEvent> carriedBy) {
    }

    private static String year(Integer year) {
        return year == null ? "none" : year.toString();
    }

    /** A capacity as "2,000 t magnet"; "undisclosed" when there is none (never 0). */
    static String capacity(Capacity capacity) {
        return capacity == null ? "undisclosed"
                : String.format(Locale.ROOT, "%,.0f", capacity.tonnesPerYear()) + " " + capacity.unit();
    }

    private static String expansion(Expansion expansion) {
        return expansion == null ? "none" : capacity(expansion.capacity()) + " by " + expansion.year();
    }

    /** Every event of a facility, looked up once (the attribution needs them too). */
    private List<FacilityEvent> allEvents(String facility) {
        return eventCache.computeIfAbsent(facility,
                f -> facilityEvents.apply(List.of(f)).getOrDefault(f, List.of()));
    }

    /** Typed money as data: "AUD 475000000 equity, closed" (amounts are never converted). */
    static String fundingText(io.chokepoint.tracking.Funding f) {
        return f.currency() + " " + f.amount().toPlainString() + " " + f.kind().code() + ", " + f.status().code();
    }

    /** An event's own words, as a quote: its value and notes. */
    private static String quote(FacilityEvent e) {
        return java.util.stream.Stream.of(e.value(), e.notes()).filter(Objects::nonNull)
                .collect(Collectors.joining(" — "));
    }

    /**
     * The rows of one facility that changed or had events this month. Its changes group the rows whose state moved
     * the same way (an integrated plant's status change is one change, not one per stage row).
     */
    private static final class FacilityChange {
        final List<PeriodProject> rows = new ArrayList<>();
        private LocalDate moneyDate;

        void add(PeriodProject snapshot) {
            rows.add(snapshot);
        }

        List<String> sortedIds() {
            return rows.stream().map(s -> s.project().id()).sorted().toList();
        }

        List<ChainStage> stages() {
            return List.copyOf(rows.stream().map(s -> s.project().stage()).collect(Collectors.toCollection(TreeSet::new)));
        }

        /** The company, from the first row in (stage, id) order. */
        String company() {
            return rows.stream().min(Comparator.comparing((PeriodProject s) -> s.project().stage())
                    .thenComparing(s -> s.project().id())).orElseThrow().project().company();
        }

        List<Change> changes(String facilityId, List<FacilityEvent> monthEvents, LocalDate lastDay,
                             java.util.Set<FacilityEvent> carried, List<FacilityEvent> allEvents) {
            // Money as known then: the latest typed amount dated by the period's end; the row's own investment only
            // when its status date is by then and no event of the facility types an amount.
            io.chokepoint.tracking.Funding money = null;
            boolean typed = false;
            for (FacilityEvent e : allEvents) {
                if (e.funding() != null) {
                    typed = true;
                    if (!e.date().isAfter(lastDay) && (money == null || !e.date().isBefore(moneyDate))) {
                        money = e.funding();
                        moneyDate = e.date();
                    }
                }
            }
            final io.chokepoint.tracking.Funding known = money;
            final boolean noTypedMoney = !typed;
            // (kind, from, to) → the rows that moved that way, in id order, and the event that carried it.
            Map<List<String>, List<PeriodProject>> grouped = new LinkedHashMap<>();
            Map<List<String>, FacilityEvent> carriers = new LinkedHashMap<>();
            List<PeriodProject> ordered = rows.stream()
                    .sorted(Comparator.comparing((PeriodProject s) -> s.project().stage())
                            .thenComparing(s -> s.project().id()))
                    .toList();
            for (PeriodProject row : ordered) {
                for (Difference d : differences(row)) {
                    List<String> key = List.of(d.kind(), d.from(), d.to());
                    grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                    FacilityEvent carrier = latest(monthEvents, e -> e.appliesTo(row.project().stage())
                            && d.carriedBy().test(e));
                    if (carrier != null) {
                        carriers.merge(key, carrier, (a, b) -> b.date().isAfter(a.date()) ? b : a);
                    }
                }
            }
            List<Change> changes = new ArrayList<>();
            grouped.forEach((key, moved) -> {
                List<String> ids = moved.stream().map(s -> s.project().id()).sorted().toList();
                List<ChainStage> stages = List.copyOf(moved.stream().map(s -> s.project().stage())
                        .collect(Collectors.toCollection(TreeSet::new)));
                PeriodProject first = moved.get(0);
                String company = first.project().company();
                FacilityEvent carrier = carriers.get(key);
                boolean rowMoney = noTypedMoney && first.project().statusAsOf() != null
                        && !first.project().statusAsOf().isAfter(lastDay);
                String kind = key.get(0).equals(NEW_PROJECT) && !isNew(first.project(), monthEvents, lastDay)
                        ? FIRST_TRACKED : key.get(0);
                if (carrier != null) {
                    carried.add(carrier);
                    changes.add(new Change(carrier.date(), kind, facilityId, ids, company, stages, key.get(1),
                            key.get(2), carrier.kind().code() + (quote(carrier).isEmpty() ? "" : ": " + quote(carrier))
                            + (carrier.funding() == null ? "" : " [" + fundingText(carrier.funding()) + "]")
                            + (carrier.precision() == io.chokepoint.tracking.DatePrecision.DAY ? ""
                            : " (dated " + carrier.precision().label(carrier.date()) + ")"),
                            Sources.datedBy(carrier.source(), lastDay), true, first.project(), first.current(), known,
                            rowMoney));
                } else {
                    // A month- or year-only status date is said as such ("status dated during 2025"), never as
                    // a change of its first day.
                    io.chokepoint.tracking.Project row = first.project();
                    String dated = row.statusAsOf() != null && !row.statusAsOf().isAfter(lastDay)
                            && row.statusAsOfPrecision() != io.chokepoint.tracking.DatePrecision.DAY
                            ? "status dated " + row.statusAsOfPrecision().label(row.statusAsOf()) : "";
                    changes.add(new Change(evidenceDate(first, lastDay), kind, facilityId, ids, company,
                            stages, key.get(1), key.get(2), dated, Sources.datedBy(first.project().sources(), lastDay),
                            false, first.project(), first.current(), known, rowMoney));
                }
            });
            return changes;
        }

        /**
         * New vs first tracked (rules v3): new when its announcement falls in the period, or, without one, when its
         * first dated fact is an announcement event; otherwise it existed before the tracker followed it.
         */
        private static boolean isNew(io.chokepoint.tracking.Project p, List<FacilityEvent> monthEvents,
                                     LocalDate lastDay) {
            if (p.announcedOn() != null) {
                return !p.announcedOn().isAfter(lastDay) && !p.announcedOn().isBefore(lastDay.withDayOfMonth(1));
            }
            FacilityEvent firstEvent = monthEvents.stream().filter(e -> e.appliesTo(p.stage())).findFirst().orElse(null);
            boolean rowFirst = p.statusAsOf() != null && (firstEvent == null || p.statusAsOf().isBefore(firstEvent.date()));
            return !rowFirst && firstEvent != null && firstEvent.kind() == io.chokepoint.tracking.EventKind.ANNOUNCEMENT;
        }

        private static FacilityEvent latest(List<FacilityEvent> events, Predicate<FacilityEvent> test) {
            for (int i = events.size() - 1; i >= 0; i--) {
                if (test.test(events.get(i))) {
                    return events.get(i);
                }
            }
            return null;
        }

        /** A change without an event is dated by the row's latest evidence that the period could see. */
        private static LocalDate evidenceDate(PeriodProject row, LocalDate lastDay) {
            LocalDate asOf = row.project().statusAsOf();
            LocalDate announced = row.project().announcedOn();
            return asOf != null && !asOf.isAfter(lastDay) ? asOf
                    : announced != null && !announced.isAfter(lastDay) ? announced : lastDay;
        }
    }
}
