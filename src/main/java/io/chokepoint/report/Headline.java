package io.chokepoint.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.Change;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.SoftData;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * The report's headline in four plain sentences generated from its numbers: where China's share is highest,
 * how much capacity exists outside China and how much is coming, how much of the midstream pipeline rests on
 * soft data, and what changed this month. Format-neutral, so the PDF, the workbook and the email body say the
 * same thing. The wording depends only on the report's numbers: the same report gives the same sentences.
 */
public final class Headline {

    /** The midstream stages, between the mine and the magnet: where China is strongest and the chokepoint is. */
    public static final List<ChainStage> MIDSTREAM = List.of(ChainStage.SEPARATION, ChainStage.METAL, ChainStage.ALLOY);

    /** A share change smaller than this rounds to "0.0 pp" and is reported as unchanged. */
    private static final double VISIBLE_POINTS = 0.05;

    private static final Map<String, String[]> KIND_LABELS = Map.of(
            "slip", new String[]{"slip of a target year", "slips of target years"},
            "acceleration", new String[]{"earlier target year", "earlier target years"},
            "target_year_set", new String[]{"new target year", "new target years"},
            "timeline_withdrawn", new String[]{"timeline withdrawn", "timelines withdrawn"},
            "capacity_revision", new String[]{"capacity revision", "capacity revisions"},
            "planned_expansion", new String[]{"planned expansion", "planned expansions"});

    private Headline() {
    }

    /** The headline sentences, in reading order; never empty, whatever the data. */
    public static List<String> sentences(Report report) {
        SupplyChainSummary summary = report.summary();
        return List.of(concentration(summary), capacityOutsideChina(summary), softMidstream(summary),
                changes(report));
    }

    /** Change kinds as words, e.g. "2 approvals", "1 new project". */
    static String kindCount(String kind, long count) {
        String[] label = KIND_LABELS.get(kind);
        String singular = label != null ? label[0] : kind.replace('_', ' ');
        String plural = label != null ? label[1] : singular + "s";
        return count + " " + (count == 1 ? singular : plural);
    }

    private static String concentration(SupplyChainSummary summary) {
        List<StageSummary> computed = summary.stages().stream().filter(s -> s.chinaSharePercent().isPresent()).toList();
        Optional<StageSummary> published = summary.stages().stream()
                .filter(s -> !s.hasCompleteBaseline() && s.publishedShare().isPresent())
                .max(Comparator.comparingDouble(Headline::publishedPercent));
        if (computed.isEmpty()) {
            return "No stage has a complete baseline this period, so no China share is computed"
                    + published.map(p -> "; the highest published China share is " + p.stage().code() + " at "
                    + publishedText(p.publishedShare().get())).orElse("") + ".";
        }
        StageSummary most = extreme(computed, true);
        StringBuilder text = new StringBuilder();
        // Baselines are output or quota figures, not capacity: the share says what it rests on, and the HHI is a
        // lower bound wherever the baseline lumps the rest of the world together.
        String holds = "China holds " + Formats.percent(most.chinaSharePercent()) + " (baseline "
                + most.baselineYear().get() + ", HHI " + (StageCitations.lowerBoundReason(most).isEmpty() ? ""
                : "\u2265 ") + Formats.hhi(most.hhi()) + ")";
        if (computed.size() == 1) {
            text.append("Only ").append(most.stage().code()).append(" has a complete baseline: ").append(holds);
        } else {
            StageSummary least = extreme(computed, false);
            text.append("Of the stages with a complete baseline, ").append(most.stage().code())
                    .append(" is the most concentrated: ").append(holds).append("; the least concentrated is ")
                    .append(least.stage().code()).append(" at ").append(Formats.percent(least.chinaSharePercent()));
        }
        double highest = most.chinaSharePercent().get();
        published.filter(p -> publishedPercent(p) > highest).ifPresent(p -> text.append("; ")
                .append(p.stage().code()).append(", which has no complete baseline, has a published China share of ")
                .append(publishedText(p.publishedShare().get())));
        return text.append('.').toString();
    }

    private static String capacityOutsideChina(SupplyChainSummary summary) {
        List<StageSummary> computed = summary.stages().stream()
                .filter(s -> s.exChinaCapacity().isPresent() && s.projectedWeighted().isPresent()).toList();
        int targetYear = summary.settings().targetYear();
        if (computed.isEmpty()) {
            int pipeline = summary.stages().stream().mapToInt(s -> s.trackedPipeline().projects()).sum();
            return "Without a complete baseline at any stage, capacity outside China is not measured against a world "
                    + "total; the tracker follows " + count(pipeline, "pipeline project") + " across all stages.";
        }
        List<String> now = new ArrayList<>();
        List<String> coming = new ArrayList<>();
        for (StageSummary s : computed) {
            double exChinaNow = s.exChinaCapacity().get();
            now.add(Formats.tonnes(exChinaNow) + " " + s.unit() + " in " + s.stage().code());
            // Each stage named with its own figure: "an undisclosed amount of t REO" after "a risk-weighted" did
            // not read as English.
            coming.add(s.projectionNotComputable()
                    ? "an amount not yet known in " + s.stage().code() + " (capacity undisclosed)"
                    : Formats.tonnes(Math.max(0, exChina(s.projectedWeighted().get()) - exChinaNow)) + " " + s.unit()
                    + " in " + s.stage().code());
        }
        StringBuilder text = new StringBuilder("Outside China, operating capacity is ").append(list(now))
                .append("; tracked projects due by ").append(targetYear).append(" add, risk-weighted, ")
                .append(list(coming));
        Optional<StageSummary> shift = computed.stream()
                .filter(s -> s.chinaSharePercent().isPresent() && s.projectedChinaSharePercent().isPresent())
                .filter(s -> Math.abs(projectedMove(s)) >= VISIBLE_POINTS)
                .reduce((a, b) -> Math.abs(projectedMove(b)) > Math.abs(projectedMove(a)) ? b : a);
        if (shift.isPresent()) {
            StageSummary s = shift.get();
            text.append("; the largest shift is in ").append(s.stage().code()).append(", where China's risk-weighted ")
                    .append(targetYear).append(" share is ").append(Formats.percent(s.projectedChinaSharePercent()))
                    .append(" against ").append(Formats.percent(s.chinaSharePercent())).append(" now");
        } else {
            text.append("; China's risk-weighted ").append(targetYear).append(" share stays at today's level")
                    .append(computed.size() > 1 ? " at each of these stages" : "");
        }
        return text.append('.').toString();
    }

    private static String softMidstream(SupplyChainSummary summary) {
        int pipeline = 0;
        int soft = 0;
        for (ChainStage stage : MIDSTREAM) {
            SoftData data = summary.stage(stage).softData();
            pipeline += data.pipelineProjects();
            soft += data.softProjects();
        }
        String midstream = "the midstream (" + MIDSTREAM.stream().map(ChainStage::code).collect(Collectors.joining(", "))
                .replaceFirst(", ([a-z]+)$", " and $1") + ")";
        if (pipeline == 0) {
            return "T" + midstream.substring(1) + " has no tracked pipeline projects.";
        }
        if (soft == 0) {
            return "In " + midstream + ", " + (pipeline == 1 ? "the one pipeline project discloses"
                    : "all " + pipeline + " pipeline projects disclose")
                    + " a capacity, an investment figure, a target year, a binding offtake and a dated source.";
        }
        return "In " + midstream + ", " + soft + " of " + count(pipeline, "pipeline project") + " ("
                + Formats.percent(100.0 * soft / pipeline) + ") " + (soft == 1 ? "rests" : "rest")
                + " on soft data, lacking at least one of a disclosed capacity, an investment figure, a target year, "
                + "a binding offtake or a dated source.";
    }

    private static String changes(Report report) {
        Analysis analysis = report.analysis();
        List<Change> changes = analysis.changes();
        StringBuilder text = new StringBuilder();
        if (changes.isEmpty()) {
            text.append("No changes were recorded this month");
        } else {
            Map<String, Long> byKind = new TreeMap<>(changes.stream()
                    .collect(Collectors.groupingBy(Change::kind, Collectors.counting())));
            String breakdown = byKind.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> kindCount(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            text.append("This month ").append(changes.size() == 1 ? "1 change was" : changes.size() + " changes were")
                    .append(" recorded (").append(breakdown).append(")");
        }
        String previous = report.period().previous().title();
        int targetYear = report.summary().settings().targetYear();
        Move largest = null;
        boolean comparable = false;
        for (StageSummary s : report.summary().stages()) {
            for (Move move : List.of(
                    new Move(s.stage(), "operating", analysis.chinaShareChange(s.stage())),
                    new Move(s.stage(), "risk-weighted " + targetYear, analysis.projectedShareChange(s.stage())))) {
                if (move.points.isEmpty()) {
                    continue;
                }
                comparable = true;
                if (Math.abs(move.points.get()) >= VISIBLE_POINTS
                        && (largest == null || Math.abs(move.points.get()) > Math.abs(largest.points.get()))) {
                    largest = move;
                }
            }
        }
        if (largest != null) {
            text.append("; since ").append(previous).append(", China's ").append(largest.measure)
                    .append(" share moved most in ").append(largest.stage.code()).append(", by ")
                    .append(Formats.points(largest.points));
        } else if (comparable) {
            text.append("; China's operating and projected shares are unchanged since ").append(previous)
                    .append(" at every stage with a complete baseline");
        } else {
            text.append("; no China share can be compared with ").append(previous);
        }
        return text.append('.').toString();
    }

    private record Move(ChainStage stage, String measure, Optional<Double> points) {
    }

    /** The stage with the highest (or lowest) China share; on a tie, the earlier in chain order. */
    private static StageSummary extreme(List<StageSummary> stages, boolean highest) {
        StageSummary best = stages.get(0);
        for (StageSummary s : stages) {
            double diff = s.chinaSharePercent().get() - best.chinaSharePercent().get();
            if (highest ? diff > 0 : diff < 0) {
                best = s;
            }
        }
        return best;
    }

    private static double projectedMove(StageSummary s) {
        return s.projectedChinaSharePercent().get() - s.chinaSharePercent().get();
    }

    private static double exChina(ProjectedShare projection) {
        return projection.countries().stream().filter(c -> !c.country().equals(Country.CHINA))
                .mapToDouble(c -> c.total()).sum();
    }

    private static double publishedPercent(StageSummary s) {
        return s.publishedShare().get().sharePercent().getAsDouble();
    }

    private static String publishedText(Baseline published) {
        return Formats.percent(published.sharePercent().getAsDouble()) + " (" + published.year() + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
