package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ExportControl;
import io.chokepoint.tracking.ExportControl.State;
import io.chokepoint.tracking.ExportControl.StateChange;
import io.chokepoint.tracking.ExportControl.Status;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The export controls as of a period's last day (rules v3): each announced control's state, the changes of state
 * within the period (news), and the exposure of each stage and view. A control is a fact, never a share input.
 *
 * @param controls every control announced by the period's last day, by id, with its state that day
 * @param changes  the changes of state dated within the period, by date then id
 * @param exposure per stage (chain order) and view (all rare earths, then heavy)
 */
public record ControlsView(LocalDate day, List<ControlState> controls, List<StateChange> changes,
                           List<StageExposure> exposure) {

    /** The all-REE view's name; the heavy view's is {@code heavy}. */
    public static final String ALL = "all";
    public static final String HEAVY = "heavy";

    public ControlsView {
        Objects.requireNonNull(day, "day");
        controls = List.copyOf(controls);
        changes = List.copyOf(changes);
        exposure = List.copyOf(exposure);
    }

    /** A control and its state on the day. */
    public record ControlState(ExportControl control, State state) {
    }

    /**
     * A stage's exposure in one view.
     *
     * @param exposures   one per imposing country with an export or extraterritorial control in force on one of the
     *                    stage's forms; empty: none
     * @param procurement procurement rules naming one of the stage's forms: listed beside, never counted
     */
    public record StageExposure(ChainStage stage, String view, List<CountryExposure> exposures,
                                List<ControlState> procurement) {
        public StageExposure {
            exposures = List.copyOf(exposures);
            procurement = List.copyOf(procurement);
        }

        /** "91.00 % (partial: Sm, Gd, Tb, Dy, Lu, Sc, Y)", "99 % (published)", "not computable" or "none". */
        public String text() {
            if (exposures.isEmpty()) {
                return "none";
            }
            return String.join("; ", exposures.stream().map(CountryExposure::text).toList());
        }
    }

    /**
     * A country's controls in force on a stage: its share of the stage now (the heavy view: its heavy share), the
     * elements covered (empty: all rare earths) and the controls.
     *
     * @param published whether the share is a published figure rather than one computed from a complete set
     */
    public record CountryExposure(Country country, Optional<Double> sharePercent, boolean published,
                                  List<String> elements, List<String> controlIds) {
        public CountryExposure {
            elements = List.copyOf(elements);
            controlIds = List.copyOf(controlIds);
        }

        public boolean partial() {
            return !elements.isEmpty();
        }

        public String text() {
            String share = sharePercent.map(s -> published ? io.chokepoint.tracking.FactText.plain(s) + " %"
                    : String.format(java.util.Locale.ROOT, "%.2f %%", s)).orElse("not computable");
            List<String> notes = new ArrayList<>();
            if (sharePercent.isPresent() && published) {
                notes.add("published");
            }
            if (partial()) {
                notes.add("partial: " + String.join(", ", elements));
            }
            return share + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")")
                    + (country.equals(Country.CHINA) ? "" : " [" + country.code() + "]");
        }
    }

    /** The controls' view as of {@code period}'s last day, given the period's stage figures and heavy views. */
    static ControlsView of(List<ExportControl> all, ReportPeriod period, List<StageSummary> stages,
                           List<HeavyView> heavy) {
        LocalDate day = period.lastDay();
        List<ControlState> states = all.stream()
                .sorted(Comparator.comparing(ExportControl::id))
                .map(c -> new ControlState(c, c.stateOn(day)))
                .filter(s -> s.state().status() != Status.NOT_ANNOUNCED)
                .toList();
        List<StateChange> changes = all.stream()
                .flatMap(c -> c.changesBetween(period.month().atDay(1), day).stream())
                .sorted(Comparator.comparing(StateChange::date).thenComparing(s -> s.control().id()))
                .toList();
        List<StageExposure> exposure = new ArrayList<>();
        for (StageSummary stage : stages) {
            if (stage.stage() == ChainStage.RECYCLING) {
                continue; // no traded form belongs to recycling
            }
            exposure.add(exposure(stage.stage(), ALL, states, c -> share(stage, c), false));
            heavy.stream().filter(h -> h.stage() == stage.stage()).findFirst().ifPresent(h -> exposure.add(
                    exposure(stage.stage(), HEAVY, states,
                            c -> c.equals(Country.CHINA) ? h.chinaSharePercent() : Optional.empty(),
                            h.sharePublished())));
        }
        return new ControlsView(day, states, changes, exposure);
    }

    /** A country's share of a stage now, from its complete set (a published share is not a country's computed one). */
    private static Optional<Double> share(StageSummary stage, Country country) {
        if (!stage.hasCompleteBaseline()) {
            return Optional.empty();
        }
        if (country.equals(Country.CHINA)) {
            return stage.chinaSharePercent();
        }
        return stage.countries().stream().filter(c -> c.country().equals(country)).findFirst()
                .map(CountryCapacity::sharePercent).or(() -> Optional.of(0.0));
    }

    private static StageExposure exposure(ChainStage stage, String view, List<ControlState> states,
                                          java.util.function.Function<Country, Optional<Double>> share,
                                          boolean published) {
        Map<Country, List<ControlState>> inForce = new LinkedHashMap<>();
        List<ControlState> procurement = new ArrayList<>();
        for (ControlState s : states) {
            ExportControl c = s.control();
            if (!c.stages().contains(stage)) {
                continue;
            }
            if (!c.scope().restrictsSupply()) {
                if (s.state().status() != Status.LIFTED) {
                    procurement.add(s);
                }
            } else if (s.state().status() == Status.IN_FORCE) {
                inForce.computeIfAbsent(c.country(), k -> new ArrayList<>()).add(s);
            }
        }
        List<CountryExposure> exposures = new ArrayList<>();
        inForce.forEach((country, controls) -> {
            boolean all = controls.stream().anyMatch(s -> s.control().allElements());
            LinkedHashSet<String> elements = new LinkedHashSet<>();
            controls.forEach(s -> elements.addAll(s.control().elements()));
            Optional<Double> value = share.apply(country);
            exposures.add(new CountryExposure(country, value, value.isPresent() && published,
                    all ? List.of() : List.copyOf(elements),
                    controls.stream().map(s -> s.control().id()).toList()));
        });
        return new StageExposure(stage, view, exposures, procurement);
    }
}
