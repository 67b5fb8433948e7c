package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.EventKind;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/**
 * Recomputes every period of a report's window "as known now" in one pass over the tracker: each project's rows and
 * events are read once, and its state on each period's last day is folded into that period's summary by the same
 * accumulator the job uses for one period. The same pass tallies the report period's track record. Memory grows
 * with periods × countries × stages, not with projects. Not thread-safe.
 */
public final class HistoryBuilder implements Consumer<ProjectHistory> {

    /** The trajectory's length: the report's period and the 23 before it. */
    public static final int PERIODS = 24;

    private final ReportPeriod period;
    private final AnalysisSettings settings;
    private final List<ReportPeriod> periods;
    private final List<SummaryAccumulator> accumulators = new ArrayList<>();
    private final Map<ChainStage, Map<TrackRecord.Outcome, TrackRecord.Tally>> outcomes = new EnumMap<>(ChainStage.class);
    private final Map<ChainStage, List<Integer>> slips = new EnumMap<>(ChainStage.class);

    /**
     * @param firstFact the tracker's earliest dated fact, if any: the window starts no earlier than its month
     */
    public HistoryBuilder(ReportPeriod period, AnalysisSettings settings, List<Baseline> baselines,
                          Optional<LocalDate> firstFact) {
        this.period = period;
        this.settings = settings;
        this.periods = window(period, firstFact);
        for (ReportPeriod p : periods) {
            accumulators.add(new SummaryAccumulator(p, settings, baselines, PeriodProject::current, true));
        }
        for (ChainStage stage : ChainStage.values()) {
            outcomes.put(stage, new EnumMap<>(TrackRecord.Outcome.class));
            slips.put(stage, new ArrayList<>());
        }
    }

    /** The last {@link #PERIODS} periods up to {@code period}, none before the month of the first fact. */
    public static List<ReportPeriod> window(ReportPeriod period, Optional<LocalDate> firstFact) {
        List<ReportPeriod> window = new ArrayList<>();
        ReportPeriod p = period;
        for (int i = 0; i < PERIODS; i++) {
            window.add(p);
            if (firstFact.isPresent() && !p.month().isAfter(java.time.YearMonth.from(firstFact.get()))) {
                break;
            }
            p = p.previous();
        }
        Collections.reverse(window);
        return window;
    }

    public List<ReportPeriod> periods() {
        return periods;
    }

    @Override
    public void accept(ProjectHistory history) {
        Project project = history.project();
        List<FacilityEvent> events = history.events();
        ProjectState last = null;
        int lastKnown = -1;
        boolean lastAnnounced = false;
        boolean lastRowKnown = false;
        for (int i = 0; i < periods.size(); i++) {
            ReportPeriod p = periods.get(i);
            LocalDate day = p.lastDay();
            // A state is a function of the facts known on the day: the events dated by then (a set that only grows
            // from one period to the next, so its size tells it), the announcement and the row's status date. Most
            // projects have a fact in few of the 24 months: the state of the month before is reused, not recomputed.
            int known = 0;
            for (FacilityEvent e : events) {
                if (!e.date().isAfter(day) && e.appliesTo(project.stage())) {
                    known++;
                }
            }
            boolean announced = project.announcedOn() != null && !project.announcedOn().isAfter(day);
            boolean rowKnown = project.statusAsOf() == null || !project.statusAsOf().isAfter(day);
            ProjectState state = last != null && known == lastKnown && announced == lastAnnounced
                    && rowKnown == lastRowKnown ? last : ProjectState.of(project, events, day);
            accumulators.get(i).accept(new PeriodProject(p, project, state, state));
            last = state;
            lastKnown = known;
            lastAnnounced = announced;
            lastRowKnown = rowKnown;
        }
        trackRecord(project, events, last);
    }

    /**
     * Counts a project in the track record when its first announced target year is before the period's year: the
     * earliest-dated typed target year among its facts known on the period's last day, else its row's. A project
     * without any target year has no record to keep (a long-established plant).
     */
    private void trackRecord(Project project, List<FacilityEvent> events, ProjectState state) {
        if (state == null || !state.reported()) {
            return;
        }
        LocalDate day = period.lastDay();
        Integer first = null;
        LocalDate firstOperating = null;
        for (FacilityEvent e : events.stream().filter(e -> !e.date().isAfter(day) && e.appliesTo(project.stage()))
                .sorted(java.util.Comparator.comparing(FacilityEvent::date)).toList()) {
            // A goal with a year stated once the plant runs is an expansion, not its first target.
            boolean expansion = firstOperating != null && e.statesTargetWithYear();
            if (first == null && e.targetYear() != null && !e.targetYear().withdrawn() && !expansion) {
                first = e.targetYear().year();
            }
            if (firstOperating == null && (e.kind() == EventKind.OPERATING_START
                    || e.statusAfter() == ProjectStatus.OPERATING)) {
                firstOperating = e.date();
            }
        }
        if (first == null) {
            first = project.targetYear();
        }
        if (first == null || first >= period.year()) {
            return;
        }
        // The row's own status is a fact too: operating as of its status_as_of.
        LocalDate asOf = project.statusAsOf();
        if (project.status() == ProjectStatus.OPERATING && asOf != null && !asOf.isAfter(day)
                && (firstOperating == null || asOf.isBefore(firstOperating))) {
            firstOperating = asOf;
        }
        TrackRecord.Outcome outcome;
        if (state.status() == ProjectStatus.OPERATING) {
            // Without a dated operating fact there is no evidence it ran on time: counted late.
            outcome = firstOperating != null && firstOperating.getYear() <= first ? TrackRecord.Outcome.ON_TIME
                    : TrackRecord.Outcome.LATE;
        } else if (state.status() == ProjectStatus.SUSPENDED || state.status() == ProjectStatus.CANCELLED) {
            outcome = TrackRecord.Outcome.STOPPED;
        } else {
            outcome = TrackRecord.Outcome.NOT_YET;
        }
        String unit = settings.canonicalUnit(project.stage());
        Double capacity = state.capacityIn(unit) ? state.capacity().tonnesPerYear() : null;
        outcomes.get(project.stage()).merge(outcome, TrackRecord.Tally.EMPTY.plus(capacity),
                (a, b) -> new TrackRecord.Tally(a.projects() + b.projects(), a.tonnes() + b.tonnes(),
                        a.undisclosed() + b.undisclosed()));
        if (state.targetYear() != null && !state.targetYear().equals(first)) {
            slips.get(project.stage()).add(state.targetYear() - first);
        }
    }

    /** The recomputed summaries, one per period of the window (oldest first), and the report period's track record. */
    public Result finish() {
        List<SupplyChainSummary> summaries = accumulators.stream().map(SummaryAccumulator::finish).toList();
        List<TrackRecord.Stage> stages = new ArrayList<>();
        for (ChainStage stage : ChainStage.values()) {
            List<Integer> moved = slips.get(stage).stream().sorted().toList();
            Optional<Double> median = moved.isEmpty() ? Optional.empty()
                    : Optional.of(moved.size() % 2 == 1 ? moved.get(moved.size() / 2)
                    : (moved.get(moved.size() / 2 - 1) + moved.get(moved.size() / 2)) / 2.0);
            stages.add(new TrackRecord.Stage(stage, settings.canonicalUnit(stage), outcomes.get(stage), moved.size(),
                    median));
        }
        return new Result(periods, summaries, new TrackRecord(period.year(), stages, settings.riskWeights()));
    }

    /** What the pass found. */
    public record Result(List<ReportPeriod> periods, List<SupplyChainSummary> summaries, TrackRecord trackRecord) {
        public Result {
            periods = List.copyOf(periods);
            summaries = List.copyOf(summaries);
        }

        /** The period's recomputed summary. */
        public Optional<SupplyChainSummary> summary(ReportPeriod p) {
            int i = periods.indexOf(p);
            return i < 0 ? Optional.empty() : Optional.of(summaries.get(i));
        }
    }
}
