package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.chokepoint.summary.ControlsView;
import io.chokepoint.summary.ControlsView.ControlState;
import io.chokepoint.summary.HeavyView;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ExportControl;
import io.chokepoint.tracking.ExportControl.StateChange;
import io.chokepoint.tracking.ExportControl.Status;
import io.chokepoint.tracking.FactText;

/**
 * Page 1's "Heavy rare earths and controls" block, as sentences: the heavy separation share and its source,
 * ex-China heavy separation capacity now and in the target year, the controls in force (and announced or
 * suspended) and those that changed state this month. Three lines whatever the tracker holds, so page 1 keeps to
 * one page; the lists are in the PDF's section, the workbook and the JSON. Stateless.
 */
public final class HeavyBlock {

    public static final String TITLE = "Heavy rare earths and controls";

    private HeavyBlock() {
    }

    public static List<String> lines(SupplyChainSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add(heavySeparation(summary));
        lines.add(controls(summary.controls()));
        lines.add(changes(summary.controls()));
        return lines;
    }

    /** "Heavy separation: China 99 % (published 2025-04-14, CSIS …); ex-China 0 → 200 t Dy-Tb oxide in 2030 …". */
    static String heavySeparation(SupplyChainSummary summary) {
        Optional<HeavyView> view = summary.heavy(ChainStage.SEPARATION);
        if (view.isEmpty()) {
            return "Heavy separation: no heavy view.";
        }
        HeavyView h = view.get();
        StringBuilder text = new StringBuilder("Heavy separation: China ");
        text.append(h.chinaSharePercent().map(HeavyBlock::share).orElse("share not computable"));
        h.shareRow().ifPresent(b -> text.append(" (").append(h.sharePublished() ? "published, " : "heavy set, ")
                .append(shortSource(b)).append(")"));
        String unit = h.unit().orElse("");
        text.append("; ex-China heavy capacity ").append(tonnes(h.exChinaNow().orElse(0.0))).append(" → ")
                .append(tonnes(h.exChinaProjected().orElse(0.0))).append(' ').append(unit).append(" in ")
                .append(h.targetYear()).append(" as announced (").append(tonnes(h.exChinaWeighted().orElse(0.0)))
                .append(" risk-weighted)");
        if (h.undisclosed() > 0) {
            text.append("; ").append(h.undisclosed()).append(h.undisclosed() == 1 ? " heavy-capable plant" : " heavy-capable plants")
                    .append(" with heavy capacity undisclosed");
        }
        if (h.notComparable() > 0) {
            text.append("; ").append(h.notComparable()).append(" not comparable (another unit)");
        }
        return text.append('.').toString();
    }

    /** "Controls in force: CN-2023-057, CN-2025-018, US-2019-D054 (procurement); suspended until …; announced: …". */
    static String controls(ControlsView view) {
        if (view.controls().isEmpty()) {
            return "Controls: none tracked.";
        }
        List<String> parts = new ArrayList<>();
        List<String> inForce = view.controls().stream().filter(s -> s.state().status() == Status.IN_FORCE)
                .map(HeavyBlock::idWithScope).toList();
        parts.add("in force: " + (inForce.isEmpty() ? "none" : String.join(", ", inForce)));
        view.controls().stream().filter(s -> s.state().status() == Status.SUSPENDED)
                .map(s -> s.state().until()).distinct().forEach(until -> parts.add(
                        (until == null ? "suspended: " : "suspended until " + until + ": ") + String.join(", ",
                                view.controls().stream().filter(s -> s.state().status() == Status.SUSPENDED
                                                && java.util.Objects.equals(s.state().until(), until))
                                        .map(HeavyBlock::idWithScope).toList())));
        List<String> announced = view.controls().stream().filter(s -> s.state().status() == Status.ANNOUNCED)
                .map(s -> idWithScope(s) + (s.control().effectiveOn() == null ? ""
                        : " (effective " + s.control().effectiveOn() + ")")).toList();
        if (!announced.isEmpty()) {
            parts.add("announced: " + String.join(", ", announced));
        }
        long lifted = view.controls().stream().filter(s -> s.state().status() == Status.LIFTED).count();
        if (lifted > 0) {
            parts.add(lifted + " lifted");
        }
        return "Controls on " + view.day() + " — " + String.join("; ", parts) + ".";
    }

    static String changes(ControlsView view) {
        if (view.changes().isEmpty()) {
            return "No control changed state this month.";
        }
        return "Changed this month: " + String.join("; ", view.changes().stream().map(HeavyBlock::change).toList())
                + ".";
    }

    /** "CN-2025-056 suspended → in force (2026-11-11)". */
    public static String change(StateChange c) {
        return c.control().id() + " " + c.from().text() + " → " + c.to().text() + " (" + c.date() + ")";
    }

    private static String idWithScope(ControlState s) {
        ExportControl c = s.control();
        return c.id() + (c.scope() == ExportControl.Scope.EXPORT ? "" : " (" + c.scope().code() + ")");
    }

    /**
     * A page-1 citation: who said it and when, e.g. "CSIS 2025" for "Rare Earth Exchanges (CSIS, Baskaran &amp;
     * Schwartz, …) n.d." published 2025-04-14 (the author a publication cites, when it names one briefly).
     */
    public static String shortSource(io.chokepoint.tracking.Baseline b) {
        String first = StageCitations.firstSource(b.source());
        java.util.regex.Matcher cited = java.util.regex.Pattern.compile("\\(([^,()]{1,20})[,)]").matcher(first);
        String who = cited.find() ? cited.group(1).strip() : first.replaceAll("\\s*\\(.*", "").replace(" n.d.", "").strip();
        int year = b.publishedOn() == null ? b.year() : b.publishedOn().getYear();
        return who + " " + year;
    }

    public static String share(double percent) {
        return FactText.plain(Math.round(percent * 100) / 100.0) + " %";
    }

    public static String tonnes(double t) {
        return String.format(Locale.ROOT, "%,.0f", t);
    }
}
