package io.chokepoint.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.Attribution;
import io.chokepoint.summary.Change;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;

/**
 * The month's movers: the changes that matter most, each in one sentence a busy reader can act on (who, where,
 * which stage, what happened, the money, and what is still undisclosed). Ranked by how much the change's stage's
 * China share moved, then by the stage's scarcity (metal and alloy first: where alternatives to China are
 * fewest), then by capacity. Ranked by each change's own part of its stage's change (see {@link Attribution}). Format-neutral: the PDF's first page, the workbook and the mail say the same.
 */
public final class Movers {

    /** How many changes page 1 names. */
    public static final int SHOWN = 5;

    /** Stages in order of scarcity of alternatives to China: the midstream first. */
    private static final List<ChainStage> SCARCITY = List.of(ChainStage.METAL, ChainStage.ALLOY,
            ChainStage.SEPARATION, ChainStage.MAGNET, ChainStage.RECYCLING, ChainStage.CONCENTRATION,
            ChainStage.MINING);

    /**
     * One mover: the change, the stage it is ranked by, its own part of that stage's change (the largest of its
     * parts of the three shares, in points; 0 when it moved none) and its sentence, which quotes that part.
     */
    public record Mover(Change change, ChainStage stage, double sharePoints, String sentence) {
    }

    /** A change's own part: which share, and how many points. */
    private record Part(ChainStage stage, String share, double points) {
    }

    private Movers() {
    }

    /**
     * The month's movers, most important first, at most {@code max}: ranked by the absolute size of their own part
     * (the parts of their facility's facts), never by the stage's whole change.
     */
    public static List<Mover> of(Analysis analysis, int max) {
        // Each share's parts summed by facility once, not once per change (thousands of both at 100k projects).
        Map<Attribution, Map<String, Double>> byFacility = new java.util.IdentityHashMap<>();
        for (Attribution a : analysis.attribution()) {
            byFacility.put(a, a.pointsByFacility());
        }
        List<Mover> movers = new ArrayList<>();
        for (Change c : analysis.changes()) {
            if (c.project() == null || c.kind().equals(AnalysisBuilder.REVISION)) {
                continue;
            }
            Part part = c.stages().stream().map(s -> part(analysis, byFacility, c.facilityId(), s))
                    .max(Comparator.comparingDouble((Part p) -> Math.abs(p.points()))
                            .thenComparing(p -> -SCARCITY.indexOf(p.stage())))
                    .orElse(new Part(c.project().stage(), "", 0));
            String sentence = sentence(c) + (Math.abs(part.points()) < 0.005 ? ""
                    : " Its own part: " + part.stage().code() + " " + part.share() + " "
                    + Formats.points2(part.points()) + ".");
            movers.add(new Mover(c, part.stage(), part.points(), sentence));
        }
        movers.sort(Comparator.comparingDouble((Mover m) -> -Math.round(Math.abs(m.sharePoints()) * 100) / 100.0)
                .thenComparingInt(m -> SCARCITY.indexOf(m.stage()))
                .thenComparingDouble(m -> -capacity(m.change().state()))
                .thenComparing(m -> m.change().date(), Comparator.reverseOrder())
                .thenComparing(m -> m.change().facilityId()));
        return List.copyOf(movers.subList(0, Math.min(max, movers.size())));
    }

    /** The facility's own part of the stage's change: the share where its facts moved most. */
    private static Part part(Analysis analysis, Map<Attribution, Map<String, Double>> byFacility, String facilityId,
                             ChainStage stage) {
        Part best = new Part(stage, "", 0);
        for (Attribution a : analysis.attribution()) {
            if (a.stage() != stage) {
                continue;
            }
            double points = byFacility.get(a).getOrDefault(facilityId, 0.0);
            if (Math.abs(points) > Math.abs(best.points())) {
                best = new Part(stage, a.share().label(a.targetYear()), points);
            }
        }
        return best;
    }

    /**
     * One sentence per stage whose change is mostly its baseline part ("separation now −1.0 pp: the 2024 set
     * replaced the 2023 set"), for the share that moved most.
     */
    public static List<String> baselineMoves(Analysis analysis) {
        List<String> lines = new ArrayList<>();
        for (ChainStage stage : ChainStage.values()) {
            analysis.attribution().stream().filter(a -> a.stage() == stage && a.mostlyBaseline())
                    .max(Comparator.comparingDouble(a -> Math.abs(a.change())))
                    .ifPresent(a -> lines.add(stage.code() + " " + a.share().label(a.targetYear()) + " "
                            + Formats.points(a.change()) + ": mostly the baseline ("
                            + Formats.points(a.baselinePoints()) + "), "
                            + a.parts().stream().filter(Attribution.Part::baseline).findFirst()
                            .map(p -> p.fact().replaceFirst("^baseline: ", "")).orElse("") + "."));
        }
        return lines;
    }

    private static double capacity(ProjectState state) {
        return state == null || state.capacity() == null ? -1 : state.capacity().tonnesPerYear();
    }

    /**
     * E.g. "LS Eco Energy (…) in Vietnam, owned from South Korea — metal: new in the tracker, approved; investment
     * KRW 28.5 bn (≈ US$19.3 M). Still undisclosed: capacity, target year, binding offtake."
     */
    static String sentence(Change c) {
        Project p = c.project();
        ProjectState state = c.state();
        StringBuilder text = new StringBuilder(p.company());
        if (!p.country().equals(Country.UNDISCLOSED)) {
            text.append(" in ").append(p.country().displayName());
        }
        List<Country> foreignOwners = p.ownerCountries().stream().filter(o -> !o.equals(p.country())).toList();
        if (!foreignOwners.isEmpty()) {
            text.append(", owned from ").append(foreignOwners.stream().map(Country::displayName)
                    .collect(Collectors.joining(" and ")));
        }
        text.append(" \u2014 ").append(c.stages().stream().map(ChainStage::code).collect(Collectors.joining(", ")))
                .append(": ").append(what(c));
        // Money as known then: a typed amount dated by the period's end (a proposed one is called proposed), else
        // the row's own investment where the rules allow it.
        boolean money = c.money() != null || (c.rowMoney() && p.investment() != null);
        if (c.money() != null) {
            // The status is part of the amount's text: a proposed amount reads "…, proposed", never as invested.
            text.append("; funding ").append(Formats.funding(c.money()));
        } else if (c.rowMoney() && p.investment() != null) {
            text.append("; investment ").append(Formats.money(p.investment()));
        }
        if (state != null && state.capacity() != null && !c.kind().equals(AnalysisBuilder.CAPACITY_REVISION)) {
            text.append("; capacity ").append(Formats.tonnes(state.capacity().tonnesPerYear())).append(' ')
                    .append(state.capacity().unit());
        }
        if (state != null && state.targetYear() != null && !isTimeline(c.kind())) {
            text.append("; target year ").append(state.targetYear());
        }
        text.append('.');
        List<String> undisclosed = new ArrayList<>();
        if (state == null || state.capacity() == null) {
            undisclosed.add("capacity");
        }
        if (!money) {
            undisclosed.add("investment");
        }
        if (state == null || state.targetYear() == null) {
            undisclosed.add("target year");
        }
        if (p.offtakeBinding() != OfftakeBinding.YES) {
            undisclosed.add("binding offtake");
        }
        if (!undisclosed.isEmpty()) {
            text.append(" Still undisclosed: ").append(String.join(", ", undisclosed)).append('.');
        }
        return text.toString();
    }

    private static boolean isTimeline(String kind) {
        return List.of(AnalysisBuilder.SLIP, AnalysisBuilder.ACCELERATION, AnalysisBuilder.TARGET_YEAR_SET,
                AnalysisBuilder.TIMELINE_WITHDRAWN).contains(kind);
    }

    /** What happened, in words. */
    private static String what(Change c) {
        String from = c.from().replace('_', ' ');
        String to = c.to().replace('_', ' ');
        return switch (c.kind()) {
            case AnalysisBuilder.NEW_PROJECT -> "new in the tracker, " + to;
            case AnalysisBuilder.FIRST_TRACKED -> "first tracked (it existed before the tracker followed it), " + to;
            case AnalysisBuilder.STATUS_CHANGE -> "moved from " + from + " to " + to;
            case AnalysisBuilder.CANCELLATION -> "cancelled (was " + from + ")";
            case AnalysisBuilder.SUSPENSION -> "suspended (was " + from + ")";
            case AnalysisBuilder.SLIP -> "target year slipped from " + from + " to " + to;
            case AnalysisBuilder.ACCELERATION -> "target year brought forward from " + from + " to " + to;
            case AnalysisBuilder.TARGET_YEAR_SET -> "target year set to " + to;
            case AnalysisBuilder.TIMELINE_WITHDRAWN -> "timeline withdrawn (target year was " + from + ")";
            case AnalysisBuilder.CAPACITY_REVISION -> "capacity revised from " + from + " to " + to;
            case AnalysisBuilder.PLANNED_EXPANSION -> "planned expansion to " + to;
            default -> c.kind().replace('_', ' ') + (to.isEmpty() ? "" : " " + to);
        };
    }
}
