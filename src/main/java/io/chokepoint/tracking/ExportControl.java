package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A measure that restricts rare-earth trade (one row of {@code export_controls.csv}): who imposed it, on which
 * elements and forms, how far it reaches, and its dates. A fact, never a share input: it changes no capacity.
 *
 * @param elements       rare-earth symbols covered, in the order given; empty when the measure is not element-specific
 * @param suspendedUntil the last day of the announced suspension (it is in force again the day after)
 */
public record ExportControl(
        String id,
        Country country,
        String authority,
        String measure,
        List<String> elements,
        List<Form> forms,
        Scope scope,
        LocalDate announcedOn,
        LocalDate effectiveOn,
        LocalDate suspendedOn,
        LocalDate suspendedUntil,
        LocalDate liftedOn,
        String source,
        String notes) {

    /** The 17 rare earths, in atomic-number order after Sc and Y. */
    public static final List<String> RARE_EARTHS = List.of("Sc", "Y", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd",
            "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu");

    public ExportControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(announcedOn, "announced_on");
        elements = List.copyOf(elements);
        forms = List.copyOf(forms);
        if (forms.isEmpty()) {
            throw new IllegalArgumentException("a control covers at least one form");
        }
        for (String e : elements) {
            if (!RARE_EARTHS.contains(e)) {
                throw new IllegalArgumentException("unknown element '" + e + "'");
            }
        }
        for (DateProblem problem : dateProblems(announcedOn, effectiveOn, suspendedOn, suspendedUntil, liftedOn)) {
            throw new IllegalArgumentException(problem.column() + ": " + problem.message());
        }
    }

    /** A date a control may not have, by the column at fault. */
    public record DateProblem(String column, String message) {
    }

    /** What a control's dates may not say, one problem per bad date. */
    public static List<DateProblem> dateProblems(LocalDate announced, LocalDate effective, LocalDate suspendedOn,
                                                 LocalDate suspendedUntil, LocalDate lifted) {
        List<DateProblem> problems = new ArrayList<>();
        if (effective != null && announced != null && effective.isBefore(announced)) {
            problems.add(new DateProblem("effective_on", effective + " is before announced_on " + announced));
        }
        if (suspendedUntil != null && suspendedOn == null) {
            problems.add(new DateProblem("suspended_until", "is given without suspended_on"));
        }
        if (suspendedUntil != null && suspendedOn != null && !suspendedUntil.isAfter(suspendedOn)) {
            problems.add(new DateProblem("suspended_until", suspendedUntil + " is not after suspended_on "
                    + suspendedOn));
        }
        if (lifted != null && effective != null && lifted.isBefore(effective)) {
            problems.add(new DateProblem("lifted_on", lifted + " is before effective_on " + effective));
        }
        return problems;
    }

    /** The forms of the control, as the files write them. */
    public enum Form {
        ORE, CONCENTRATE, OXIDE, METAL, ALLOY, MAGNET, COMPOUND, TECHNOLOGY, EQUIPMENT;

        private static final Codes<Form> CODES = Codes.of(values(), "form");

        public String code() {
            return CODES.code(this);
        }

        public static Form fromCode(String code) {
            return CODES.parse(code);
        }

        /**
         * The chain stage this form is traded at (rules: ore at mining, concentrate at concentration, oxide and
         * compound at separation, then metal, alloy, magnet); null for technology and equipment, which belong to
         * no stage and are only listed.
         */
        public ChainStage stage() {
            return switch (this) {
                case ORE -> ChainStage.MINING;
                case CONCENTRATE -> ChainStage.CONCENTRATION;
                case OXIDE, COMPOUND -> ChainStage.SEPARATION;
                case METAL -> ChainStage.METAL;
                case ALLOY -> ChainStage.ALLOY;
                case MAGNET -> ChainStage.MAGNET;
                case TECHNOLOGY, EQUIPMENT -> null;
            };
        }
    }

    /** How far a control reaches. */
    public enum Scope {
        /** Exports from the imposing country. */
        EXPORT,
        /** Foreign-made goods with the imposing country's content or technology. */
        EXTRATERRITORIAL,
        /** A buyer's sourcing rule: listed beside a stage, never counted as exposure. */
        PROCUREMENT;

        private static final Codes<Scope> CODES = Codes.of(values(), "scope");

        public String code() {
            return CODES.code(this);
        }

        public static Scope fromCode(String code) {
            return CODES.parse(code);
        }

        /** Whether a control of this scope restricts supply (and so counts as exposure). */
        public boolean restrictsSupply() {
            return this != PROCUREMENT;
        }
    }

    /** A control's state on a day. */
    public enum Status {
        /** Not announced yet on that day: not listed. */
        NOT_ANNOUNCED("not announced"),
        ANNOUNCED("announced"),
        IN_FORCE("in force"),
        SUSPENDED("suspended"),
        LIFTED("lifted");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The state on {@code day}, and until when a suspension runs (null for any other state). */
    public record State(Status status, LocalDate until) {
        public String text() {
            return status == Status.SUSPENDED && until != null ? "suspended until " + until : status.label();
        }
    }

    /**
     * The state on {@code day} (rules v3): lifted from lifted_on; suspended from suspended_on through
     * suspended_until (a suspension that starts before the effective date counts too); otherwise in force from
     * effective_on, announced from announced_on. The data's suspended_until is the suspension's last day, so the
     * control is in force again the day after.
     */
    public State stateOn(LocalDate day) {
        if (day.isBefore(announcedOn)) {
            return new State(Status.NOT_ANNOUNCED, null);
        }
        if (liftedOn != null && !day.isBefore(liftedOn)) {
            return new State(Status.LIFTED, null);
        }
        if (suspendedOn != null && !day.isBefore(suspendedOn) && (suspendedUntil == null || !day.isAfter(suspendedUntil))) {
            return new State(Status.SUSPENDED, suspendedUntil);
        }
        if (effectiveOn != null && !day.isBefore(effectiveOn)) {
            return new State(Status.IN_FORCE, null);
        }
        return new State(Status.ANNOUNCED, null);
    }

    /** A change of state on {@code date}. */
    public record StateChange(ExportControl control, LocalDate date, State from, State to) {
    }

    /**
     * The changes of state from {@code first} to {@code last} (both inclusive), in date order: each day on which
     * the state differs from the day before.
     */
    public List<StateChange> changesBetween(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d : new LocalDate[] {announcedOn, effectiveOn, suspendedOn,
                suspendedUntil == null ? null : suspendedUntil.plusDays(1), liftedOn}) {
            if (d != null && !d.isBefore(first) && !d.isAfter(last) && !days.contains(d)) {
                days.add(d);
            }
        }
        days.sort(null);
        List<StateChange> changes = new ArrayList<>();
        for (LocalDate d : days) {
            State before = stateOn(d.minusDays(1));
            State after = stateOn(d);
            if (!before.equals(after)) {
                changes.add(new StateChange(this, d, before, after));
            }
        }
        return changes;
    }

    /** The stages whose forms the control names (technology and equipment name none). */
    public List<ChainStage> stages() {
        return forms.stream().map(Form::stage).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Whether the control names every rare earth (an element-specific measure that lists only some does not). */
    public boolean allElements() {
        return elements.isEmpty() || elements.containsAll(RARE_EARTHS);
    }
}
