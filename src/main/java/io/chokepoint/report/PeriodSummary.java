package io.chokepoint.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.Change;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.SoftData;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * Every figure on page 1 of a period's report, as data: {@code reports/YYYY-MM/summary-YYYY-MM.json} (schema in
 * {@code docs/summary.schema.json}). The mail body is rendered from it, and dashboards and scripts read it.
 * Format-neutral and immutable; absent values are null (in JSON: {@code null}), never 0. It holds nothing that
 * depends on when it was made, so a rerun or a restart on the same data writes the same bytes.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}; a reader refuses a version it does not know
 * @param period         the reporting month, {@code YYYY-MM}
 * @param title          the month in words, e.g. "December 2025"
 * @param asOf           the as-of date of every figure, {@code YYYY-MM-DD}
 * @param previousPeriod the month the changes are measured against
 * @param targetYear     the projections' year
 * @param headline       the headline sentences, in reading order
 * @param stages         one entry per chain stage, in chain order
 * @param movers         the changes that matter most, ranked as page 1 ranks them (at most {@link Movers#SHOWN})
 * @param changes        the month's changes, in date order, with their facts
 * @param rules          the rules version the figures follow ({@link #RULES}); a restatement is measured only against
 *                       a summary of the same rules and settings
 * @param settings       the analysis settings the figures rest on, as one canonical line
 * @param news           every event that is news this period (by its date's precision), with its typed money
 * @param attribution    why each share moved: its parts (the baseline, then one per fact dated in the period)
 * @param restatements   one line per stage and share whose previous figure, as known now, differs by 0.05 pp or
 *                       more from what the previous report published (or one line saying the rules changed)
 * @param heavyBlock     page 1's "Heavy rare earths and controls" lines ({@link HeavyBlock})
 * @param groups         the heavy view of separation, metal, alloy and magnet
 * @param controls       the export controls on the period's last day and their changes of state in the period
 * @param exposure       per stage and view (all, heavy): the share under an export control in force
 * @param trajectory     China's shares over the last 24 periods, as known now and as published; null if not computed
 * @param trackRecord    what became of the projects due before the period's year; null if not computed
 */
public record PeriodSummary(int schemaVersion, String period, String title, String asOf, String previousPeriod,
                            int targetYear, List<String> headline, List<Mover> movers, List<Stage> stages,
                            List<ChangeFact> changes, String rules, String settings, List<NewsItem> news,
                            List<AttributionPart> attribution, List<String> restatements, List<String> heavyBlock,
                            List<Group> groups, Controls controls, List<Exposure> exposure, TrajectoryBlock trajectory,
                            TrackRecordBlock trackRecord) {

    /** The version of the file's layout; raised when a field changes meaning or goes away. */
    public static final int SCHEMA_VERSION = 1;
    /** The version of the product rules the figures follow (product.md, "Rules v3"). */
    public static final String RULES = "v3";


    public PeriodSummary {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        headline = List.copyOf(headline);
        movers = List.copyOf(movers);
        stages = List.copyOf(stages);
        changes = List.copyOf(changes);
        // Summaries written before these fields existed read them as empty.
        news = news == null ? List.of() : List.copyOf(news);
        attribution = attribution == null ? List.of() : List.copyOf(attribution);
        restatements = restatements == null ? List.of() : List.copyOf(restatements);
        // A summary written before issue 23 has none of these.
        heavyBlock = heavyBlock == null ? List.of() : List.copyOf(heavyBlock);
        groups = groups == null ? List.of() : List.copyOf(groups);
        exposure = exposure == null ? List.of() : List.copyOf(exposure);
    }

    /**
     * A stage's heavy view (projects {@code heavy} and {@code both}).
     *
     * @param unit                 the stage's heavy unit; null where none is defined (no heavy capacity is summed)
     * @param chinaHeavySharePercent China's heavy share; null when neither a heavy set nor a published share exists
     * @param sharePublished       whether that share is a published figure (no complete heavy set)
     * @param shareSource          its source (publication, without links); null without a share
     * @param sharePublishedOn     when it was published, {@code YYYY-MM-DD}; null if unknown
     * @param exChinaNow           ex-China heavy capacity operating now, in {@code unit}; null without a unit
     * @param exChinaAsAnnounced   the same in the target year as announced; null without a unit
     * @param exChinaRiskWeighted  the same, risk-weighted; null without a unit
     * @param relieving            ex-China heavy-view projects alive (not cancelled or suspended)
     * @param undisclosed          of them, heavy-capable with heavy capacity undisclosed
     * @param notComparable        of them, {@code heavy} with capacity in another unit
     */
    public record Group(String stage, String unit, Double chinaHeavySharePercent, boolean sharePublished,
                        String shareSource, String sharePublishedOn, Double exChinaNow, Double exChinaAsAnnounced,
                        Double exChinaRiskWeighted, int targetYear, List<GroupCountry> countries,
                        List<GroupProject> projects, int relieving, int undisclosed, int notComparable) {
        public Group {
            countries = List.copyOf(countries);
            projects = List.copyOf(projects);
        }
    }

    /** A country's ex-China heavy capacity: now, and in the target year as announced and risk-weighted. */
    public record GroupCountry(String country, double now, double asAnnounced, double riskWeighted) {
    }

    /** A relieving project and what it does not disclose. */
    public record GroupProject(String id, String facility, String country, String reeGroup, String status,
                               Integer targetYear, Double heavyCapacity, String capacityNote, List<String> missing) {
        public GroupProject {
            missing = List.copyOf(missing);
        }
    }

    /** The controls announced by the period's last day, with their state then, and the period's changes of state. */
    public record Controls(String asOf, List<Control> list, List<ControlChange> changes) {
        public Controls {
            list = List.copyOf(list);
            changes = List.copyOf(changes);
        }
    }

    /**
     * A control and its state on the period's last day.
     *
     * @param state      {@code announced}, {@code in_force}, {@code suspended} or {@code lifted}
     * @param stateUntil the last day of a suspension; null otherwise
     * @param stateText  how the report prints the state, e.g. "suspended until 2026-11-10"
     */
    public record Control(String id, String country, String authority, String measure, List<String> elements,
                          List<String> forms, String scope, String announcedOn, String effectiveOn,
                          String suspendedOn, String suspendedUntil, String liftedOn, String state,
                          String stateUntil, String stateText, String source) {
        public Control {
            elements = List.copyOf(elements);
            forms = List.copyOf(forms);
        }
    }

    /** A change of a control's state within the period (news). */
    public record ControlChange(String id, String date, String from, String to, String sentence) {
    }

    /**
     * A stage's exposure in one view ({@code all} or {@code heavy}).
     *
     * @param text        "91.00 % (partial: Sm, Gd, Tb, Dy, Lu, Sc, Y)", "99 % (published)", "not computable", "none"
     * @param countries   one per imposing country with a control in force on one of the stage's forms
     * @param procurement procurement rules on the stage's forms, with their state: listed, never counted
     */
    public record Exposure(String stage, String view, String text, List<ExposureCountry> countries,
                           List<ProcurementRule> procurement) {
        public Exposure {
            countries = List.copyOf(countries);
            procurement = List.copyOf(procurement);
        }
    }

    /**
     * @param sharePercent null where not computable
     * @param elements     the elements covered when not all rare earths (then {@code partial}); empty for all
     */
    public record ExposureCountry(String country, Double sharePercent, boolean published, boolean partial,
                                  List<String> elements, List<String> controls) {
        public ExposureCountry {
            elements = List.copyOf(elements);
            controls = List.copyOf(controls);
        }
    }

    /** A procurement rule beside a stage. */
    public record ProcurementRule(String id, String country, String state, String stateText, String effectiveOn) {
    }

    /**
     * An event that is news this period. Money is in its own currency, never converted; {@code amountUsdMillions}
     * only where the source stated it.
     *
     * @param dateLabel     how the report dates it: "2025-12-12", "in Q3 2025", "during 2025"
     * @param carriedChange whether it carried one of the period's changes (else it is news only)
     */
    public record NewsItem(String date, String datePrecision, String dateLabel, String facility, String company,
                           List<String> stages, String kind, String value, String amount, String amountCurrency,
                           Double amountUsdMillions, String fundingKind, String fundingStatus, String amountText,
                           boolean carriedChange, String source) {
        public NewsItem {
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    /**
     * One part of a share's change since the previous period.
     *
     * @param share  "now", "2030 as announced" or "2030 risk-weighted"
     * @param part   "baseline" or "fact"
     * @param date   the fact's (first) day; null for the baseline part
     * @param points its size, in percentage points
     */
    public record AttributionPart(String stage, String share, String part, String fact, String facility, String date,
                                  double points) {
    }
    /**
     * One of page 1's movers.
     *
     * @param facility    the facility whose change it is (its entry in {@code changes} has the facts)
     * @param kind        the change's kind
     * @param stage       the stage it is ranked by
     * @param sharePoints the mover's own part of that stage's change (its facility's facts, the share they moved most), in pp
     * @param sentence    the sentence page 1 and the mail print
     */
    public record Mover(String facility, String kind, String stage, double sharePoints, String sentence) {
    }

    /**
     * One stage's row of the page-1 table.
     *
     * @param stage               the stage's code, e.g. {@code magnet}
     * @param unit                the unit of its capacities, e.g. {@code t/yr}
     * @param chinaSharePercent   China's share now, from the complete baseline plus tracked additions; null without
     * @param basis               what the share is a share of, from the baseline rows' bases, as page 1 says it:
     *                            e.g. "output", "quota", or "China: derived from a share; others: capacity";
     *                            null without a complete baseline
     * @param baseline            the baseline set the share rests on; null without a complete baseline
     * @param projection          the target-year projection, as announced and risk-weighted; null without a baseline
     * @param publishedShare      without a complete baseline: the latest published China share, if any
     * @param publishedProjection the published projection for the target year quoted beside ours (the anchor)
     * @param change              the change since the previous month, in percentage points
     * @param differences         one line per figure a published figure contradicts, saying why (page 1's notes)
     * @param disclosure          how solid the stage's pipeline is
     * @param countries           per country: operating share and tracked projects (a mail's "countries you follow")
     * @param noBaseline          without a current complete baseline, what the stage says instead of a share: "no
     *                            complete baseline" or "no current baseline (newest: 2010)"; null with one
     */
    public record Stage(String stage, String unit, Double chinaSharePercent, String basis, Source baseline,
                        Projection projection, Published publishedShare, Published publishedProjection,
                        ShareChange change, List<String> differences, StageDisclosure disclosure,
                        List<CountryFigures> countries, String noBaseline) {
        public Stage {
            differences = List.copyOf(differences);
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(disclosure, "disclosure");
            countries = List.copyOf(countries);
        }

        /** The stage as the tracker's enum. */
        public ChainStage chainStage() {
            return ChainStage.fromCode(stage);
        }
    }

    /** A baseline set: its year, its publication (without links) and when it was published (null if unknown). */
    public record Source(int year, String source, String publishedOn) {
    }

    /** A published share: the percentage, the year it is for, its publication and date. */
    public record Published(Double sharePercent, int year, String source, String publishedOn) {
    }

    /** The projection for {@code targetYear}, as announced and weighted by each project's status. */
    public record Projection(int targetYear, ProjectedFigure asAnnounced, ProjectedFigure riskWeighted) {
    }

    /**
     * One projection. When none of the projects due by the target year discloses a capacity, it is not computable:
     * {@code computable} is false and {@code chinaSharePercent} null, never today's share.
     *
     * @param projects   projects due by the target year (quantified or not)
     * @param quantified how many of them disclose a capacity in the stage's unit
     * @param text       how the report prints it, e.g. "61.3 %" or "not computable (3 projects, capacity undisclosed)"
     */
    public record ProjectedFigure(boolean computable, Double chinaSharePercent, int projects, int quantified,
                                  String text) {
    }

    /** Changes since the previous month in percentage points; null where either month has no figure. */
    public record ShareChange(Double chinaSharePoints, Double riskWeightedPoints) {
    }

    /**
     * How solid a stage's pipeline is.
     *
     * @param pipelineProjects pipeline projects at the stage
     * @param softProjects     those lacking a disclosed capacity, an investment, a target year, a binding offtake
     *                         or a source
     * @param scoreCounts      the disclosure score distribution: element {@code i} counts the pipeline projects
     *                         scoring {@code i} of 5 (a project scoring 5 is solid; any other is soft)
     */
    public record StageDisclosure(int pipelineProjects, int softProjects, double pipelineCapacity,
                                  double softCapacity, List<Integer> scoreCounts) {
        public StageDisclosure {
            scoreCounts = List.copyOf(scoreCounts);
        }
    }

    /**
     * A country's figures at one stage.
     *
     * @param operatingSharePercent its share of operating capacity; null when it is not in the baseline
     * @param trackedProjects       tracked projects located there at this stage
     */
    public record CountryFigures(String country, String name, Double operatingSharePercent, int trackedProjects,
                                 Tally operating, Tally pipeline) {
    }

    /** Projects counted together and the capacity they disclose; undisclosed ones are counted, never added. */
    public record Tally(int projects, double tonnes, int undisclosed, int notComparable) {
        static Tally of(CapacityTally t) {
            return new Tally(t.projects(), t.tonnes(), t.undisclosed(), t.notComparable());
        }

        public CapacityTally toCapacityTally() {
            return new CapacityTally(projects, tonnes, undisclosed, notComparable);
        }
    }

    /**
     * One change of the month with its structured facts.
     *
     * @param kind        e.g. {@code approval}, {@code slip}, {@code new_project}, {@code status_change}
     * @param country     the facility's host country code; null when not known
     * @param countryName the host country in words
     * @param stages      the stages of the rows that moved, by code
     * @param from        the state before (status, target year or capacity); "" when not applicable
     * @param to          the state after; "" when not applicable
     * @param date        the event's date (or the latest evidence), {@code YYYY-MM-DD}
     * @param fromEvent   whether a recorded event dated in the month carries it
     * @param sentence    the change in one sentence (company, host country, owners from abroad, stages, what
     *                    happened, money, what is still undisclosed), as page 1 and the mail print it
     */
    public record ChangeFact(String kind, String facility, List<String> projects, String company, String country,
                             String countryName, List<String> stages, String from, String to, String date,
                             String detail, String source, boolean fromEvent, String sentence) {
        public ChangeFact {
            projects = List.copyOf(projects);
            stages = List.copyOf(stages);
        }
    }

    /**
     * The trajectory: per stage with a current baseline, one point per period of the window.
     *
     * @param periods   the window, oldest first
     * @param published the summaries the "as published" line was read from, with their SHA-256
     */
    public record TrajectoryBlock(List<String> periods, List<TrajectoryStage> stages, List<PublishedFile> published) {
        public TrajectoryBlock {
            periods = List.copyOf(periods);
            stages = List.copyOf(stages);
            published = List.copyOf(published);
        }
    }

    public record TrajectoryStage(String stage, List<TrajectoryPoint> points) {
        public TrajectoryStage {
            points = List.copyOf(points);
        }
    }

    /** One period: as known now, and as published (null when no completed report of it was found). */
    public record TrajectoryPoint(String period, Shares knownNow, Shares published) {
    }

    /** China's share now and in the target year (as announced, risk-weighted); null where there is no figure. */
    public record Shares(Double now, Double asAnnounced, Double riskWeighted) {
    }

    /** A summary read for the "as published" line; {@code file} is relative to the reports folder. */
    public record PublishedFile(String period, String file, String sha256, long jobExecutionId) {
    }

    /**
     * The track record: projects whose first announced target year is before {@code year}, by outcome.
     *
     * @param weights the projection's status weights, shown beside the outcomes (settings, not re-weighted)
     */
    public record TrackRecordBlock(int year, java.util.Map<String, Double> weights, List<TrackRecordStage> stages) {
        public TrackRecordBlock {
            weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
            stages = List.copyOf(stages);
        }
    }

    /**
     * One stage's track record; capacities in its unit, undisclosed ones counted, never added.
     *
     * @param operatingSharePercent the share of the due capacity that operates (on time or late); null when none
     *                              of it is disclosed
     * @param medianSlipYears       the median slip of those whose target year moved (accelerations negative)
     */
    public record TrackRecordStage(String stage, String unit, TrackTally due, TrackTally onTime, TrackTally late,
                                   TrackTally notYetOperating, TrackTally suspendedOrCancelled,
                                   Double operatingSharePercent, int targetMoved, Double medianSlipYears) {
    }

    public record TrackTally(int projects, double capacity, int undisclosed) {
        static TrackTally of(io.chokepoint.summary.TrackRecord.Tally t) {
            return new TrackTally(t.projects(), t.tonnes(), t.undisclosed());
        }
    }

    static TrajectoryBlock trajectory(io.chokepoint.summary.Trajectory t) {
        if (t.periods().isEmpty()) {
            return null;
        }
        List<TrajectoryStage> stages = t.stages().stream().map(s -> new TrajectoryStage(s.stage().code(),
                s.points().stream().map(p -> new TrajectoryPoint(p.period().toString(), shares(p.knownNow()),
                        p.published() == null ? null : shares(p.published()))).toList())).toList();
        return new TrajectoryBlock(t.periods().stream().map(Object::toString).toList(), stages,
                t.published().stream().map(p -> new PublishedFile(p.period().toString(), p.file(), p.sha256(),
                        p.jobExecutionId())).toList());
    }

    private static Shares shares(io.chokepoint.summary.Trajectory.Shares s) {
        return new Shares(s.now(), s.asAnnounced(), s.riskWeighted());
    }

    static TrackRecordBlock trackRecord(io.chokepoint.summary.TrackRecord r) {
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        for (io.chokepoint.tracking.ProjectStatus status : io.chokepoint.tracking.ProjectStatus.values()) {
            weights.put(status.code(), r.weights().get(status));
        }
        List<TrackRecordStage> stages = r.stages().stream().map(s -> new TrackRecordStage(s.stage().code(), s.unit(),
                TrackTally.of(s.due()), TrackTally.of(s.outcome(io.chokepoint.summary.TrackRecord.Outcome.ON_TIME)),
                TrackTally.of(s.outcome(io.chokepoint.summary.TrackRecord.Outcome.LATE)),
                TrackTally.of(s.outcome(io.chokepoint.summary.TrackRecord.Outcome.NOT_YET)),
                TrackTally.of(s.outcome(io.chokepoint.summary.TrackRecord.Outcome.STOPPED)),
                s.operatingSharePercent().orElse(null), s.moved(), s.medianSlip().orElse(null))).toList();
        return new TrackRecordBlock(r.year(), weights, stages);
    }

    /** The summary of {@code report}: the same numbers the workbook and the PDF print. */
    public static PeriodSummary of(Report report) {
        Analysis analysis = report.analysis();
        SupplyChainSummary summary = analysis.current();
        int targetYear = summary.settings().targetYear();
        List<Stage> stages = new ArrayList<>();
        for (StageSummary s : summary.stages()) {
            stages.add(stage(summary, analysis, s, targetYear));
        }
        List<ChangeFact> changes = analysis.changes().stream().map(PeriodSummary::change).toList();
        List<Mover> movers = Movers.of(analysis, Movers.SHOWN).stream()
                .map(m -> new Mover(m.change().facilityId(), m.change().kind(), m.stage().code(), m.sharePoints(),
                        m.sentence()))
                .toList();
        List<NewsItem> news = analysis.news().stream().map(n -> news(n, report.asOf())).toList();
        List<AttributionPart> parts = new ArrayList<>();
        for (io.chokepoint.summary.Attribution a : analysis.attribution()) {
            for (io.chokepoint.summary.Attribution.Part p : a.parts()) {
                parts.add(new AttributionPart(a.stage().code(), a.share().label(a.targetYear()),
                        p.baseline() ? "baseline" : "fact", p.fact(), p.facilityId(),
                        p.date() == null ? null : p.date().toString(), p.points()));
            }
        }
        return new PeriodSummary(SCHEMA_VERSION, report.period().toString(), report.period().title(),
                report.asOf().toString(), report.period().previous().toString(), targetYear,
                Headline.sentences(report), movers, stages, changes, RULES, summary.settings().canonical(), news,
                parts, Restatements.lines(report), HeavyBlock.lines(summary),
                summary.heavy().stream().map(PeriodSummary::group).toList(), controls(summary.controls()),
                summary.controls().exposure().stream().map(PeriodSummary::exposure).toList(),
                trajectory(report.rebalancing().trajectory()),
                report.rebalancing().trackRecord().map(PeriodSummary::trackRecord).orElse(null));
    }

    private static Group group(io.chokepoint.summary.HeavyView h) {
        return new Group(h.stage().code(), h.unit().orElse(null), h.chinaSharePercent().orElse(null),
                h.sharePublished(), h.shareRow().map(b -> StageCitations.firstSource(b.source())).orElse(null),
                h.shareRow().map(b -> b.publishedOn() == null ? null : b.publishedOn().toString()).orElse(null),
                h.exChinaNow().orElse(null), h.exChinaProjected().orElse(null), h.exChinaWeighted().orElse(null),
                h.targetYear(), h.countries().stream().map(c -> new GroupCountry(c.country().code(), c.now(),
                        c.projected(), c.weighted())).toList(),
                h.projects().stream().map(p -> new GroupProject(p.id(), p.facility(), p.country().code(),
                        p.reeGroup(), p.status(), p.targetYear(), p.heavyCapacity(), p.capacityNote(), p.missing()))
                        .toList(), h.relieving(), h.undisclosed(), h.notComparable());
    }

    static Controls controls(io.chokepoint.summary.ControlsView view) {
        return new Controls(view.day().toString(), view.controls().stream().map(s -> {
            io.chokepoint.tracking.ExportControl c = s.control();
            return new Control(c.id(), c.country().code(), c.authority(), c.measure(), c.elements(),
                    c.forms().stream().map(io.chokepoint.tracking.ExportControl.Form::code).toList(), c.scope().code(),
                    text(c.announcedOn()), text(c.effectiveOn()), text(c.suspendedOn()), text(c.suspendedUntil()),
                    text(c.liftedOn()), s.state().status().code(), text(s.state().until()), s.state().text(),
                    StageCitations.firstSource(c.source()));
        }).toList(), view.changes().stream().map(c -> new ControlChange(c.control().id(), c.date().toString(),
                c.from().status().code(), c.to().status().code(), HeavyBlock.change(c))).toList());
    }

    private static Exposure exposure(io.chokepoint.summary.ControlsView.StageExposure e) {
        return new Exposure(e.stage().code(), e.view(), e.text(), e.exposures().stream().map(x -> new ExposureCountry(
                x.country().code(), x.sharePercent().orElse(null), x.published(), x.partial(), x.elements(),
                x.controlIds())).toList(), e.procurement().stream().map(s -> new ProcurementRule(s.control().id(),
                s.control().country().code(), s.state().status().code(), s.state().text(),
                text(s.control().effectiveOn()))).toList());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static NewsItem news(io.chokepoint.summary.News n, java.time.LocalDate asOf) {
        io.chokepoint.tracking.FacilityEvent e = n.event();
        io.chokepoint.tracking.Funding f = e.funding();
        return new NewsItem(e.date().toString(), e.precision().code(), n.dateLabel(), e.facilityId(), n.company(),
                n.stages().stream().map(ChainStage::code).toList(), e.kind().code(), e.value(),
                f == null ? null : f.amount().toPlainString(), f == null ? null : f.currency(),
                f == null ? null : f.usdMillions(), f == null ? null : f.kind().code(),
                f == null ? null : f.status().code(), f == null ? null : Formats.funding(f), n.carriedChange(),
                StageCitations.firstSource(n.sourceAsOf(asOf)));
    }

    private static Stage stage(SupplyChainSummary summary, Analysis analysis, StageSummary s, int targetYear) {
        boolean complete = s.hasCompleteBaseline();
        String basis = complete ? StageCitations.basis(s) : null;
        Source baseline = complete ? new Source(s.baselineYear().get(), StageCitations.baselineSource(s),
                s.baselinePublishedOn().map(Object::toString).orElse(null)) : null;
        Projection projection = s.projected().isPresent() && s.projectedWeighted().isPresent()
                ? new Projection(targetYear, figure(s.projected().get()), figure(s.projectedWeighted().get())) : null;
        SoftData soft = s.softData();
        StageDisclosure disclosure = new StageDisclosure(soft.pipelineProjects(), soft.softProjects(),
                soft.pipelineCapacity(), soft.softCapacity(), soft.scoreCounts());
        return new Stage(s.stage().code(), s.unit(), s.chinaSharePercent().orElse(null),
                basis == null || basis.isEmpty() ? null : basis, baseline, projection,
                complete ? null : s.publishedShare().map(PeriodSummary::published).orElse(null),
                s.publishedProjection().map(PeriodSummary::published).orElse(null),
                new ShareChange(analysis.chinaShareChange(s.stage()).orElse(null),
                        analysis.projectedShareChange(s.stage()).orElse(null)),
                StageCitations.differences(s, targetYear), disclosure, countries(summary, s),
                complete ? null : s.noBaselineText());
    }

    private static List<CountryFigures> countries(SupplyChainSummary summary, StageSummary s) {
        List<CountryFigures> figures = new ArrayList<>();
        for (Country country : summary.countries()) {
            Optional<CountryCapacity> capacity = s.countries().stream().filter(c -> c.country().equals(country))
                    .findFirst();
            Optional<CountryStageCell> cell = summary.cell(country, s.stage());
            if (capacity.isEmpty() && cell.isEmpty()) {
                continue;
            }
            figures.add(new CountryFigures(country.code(), country.displayName(),
                    capacity.map(CountryCapacity::sharePercent).orElse(null),
                    cell.map(CountryStageCell::projects).orElse(0),
                    Tally.of(cell.map(CountryStageCell::operating).orElse(CapacityTally.EMPTY)),
                    Tally.of(cell.map(CountryStageCell::pipeline).orElse(CapacityTally.EMPTY))));
        }
        return figures;
    }

    private static ProjectedFigure figure(ProjectedShare p) {
        return new ProjectedFigure(p.computable(), p.computable() ? p.chinaSharePercent().orElse(null) : null,
                p.projects(), p.quantified(), StageCitations.projection(Optional.of(p)));
    }

    private static Published published(Baseline b) {
        return new Published(b.sharePercent().isPresent() ? b.sharePercent().getAsDouble() : null, b.year(), StageCitations.firstSource(b.source()),
                b.publishedOn() == null ? null : b.publishedOn().toString());
    }

    private static ChangeFact change(Change c) {
        Country country = c.project() == null ? null : c.project().country();
        List<String> stages = c.stages().stream().map(ChainStage::code).toList();
        return new ChangeFact(c.kind(), c.facilityId(), c.projectIds(), c.company(),
                country == null ? null : country.code(), country == null ? null : country.displayName(), stages,
                c.from(), c.to(), c.date().toString(), c.detail(), StageCitations.firstSource(c.source()),
                c.fromEvent(), c.project() == null ? sentence(c, country, stages) : Movers.sentence(c));
    }

    /** A revision's sentence: "<company> (<country>): <stages> <kind> <from> → <to> (<date>)". */
    static String sentence(Change c, Country country, List<String> stages) {
        StringBuilder text = new StringBuilder(c.company() == null || c.company().isBlank() ? c.facilityId()
                : c.company());
        if (country != null) {
            text.append(" (").append(country.displayName()).append(")");
        }
        text.append(": ").append(String.join(", ", stages)).append(' ').append(c.kind().replace('_', ' '));
        if (!c.from().isEmpty() && !c.to().isEmpty()) {
            text.append(' ').append(c.from()).append(" \u2192 ").append(c.to());
        } else if (!c.to().isEmpty()) {
            text.append(": ").append(c.to());
        }
        return text.append(" (").append(c.date()).append(")").toString();
    }
}
