package io.chokepoint.summary;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ProjectStatus;

/**
 * How much of what was announced got built, per stage, as of a period's last day: the projects whose first
 * announced target year is before the period's year, split by what became of them. Data only: the risk weights
 * stay settings, shown beside it.
 *
 * @param year    the period's year: projects due before it count
 * @param stages  one entry per chain stage, in chain order
 * @param weights the projection's status weights, to read beside the outcomes
 */
public record TrackRecord(int year, List<Stage> stages, Map<ProjectStatus, Double> weights) {

    public TrackRecord {
        stages = List.copyOf(stages);
        weights = Map.copyOf(weights);
    }

    /** What became of projects due by now: on time, late, not yet, suspended or cancelled. */
    public enum Outcome {
        ON_TIME("operating on time"), LATE("operating late"), NOT_YET("not yet operating"),
        STOPPED("suspended or cancelled");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Projects counted together and the capacity they disclose in the stage's unit (undisclosed: counted only). */
    public record Tally(int projects, double tonnes, int undisclosed) {
        public static final Tally EMPTY = new Tally(0, 0, 0);

        Tally plus(Double capacity) {
            return capacity == null ? new Tally(projects + 1, tonnes, undisclosed + 1)
                    : new Tally(projects + 1, tonnes + capacity, undisclosed);
        }
    }

    /**
     * One stage's record.
     *
     * @param outcomes    per outcome, in {@link Outcome} order
     * @param moved       projects due whose target year moved since it was first announced
     * @param medianSlip  the median of (target year now − first announced target year) over those, in years
     *                    (accelerations negative); empty when none moved
     */
    public record Stage(ChainStage stage, String unit, Map<Outcome, Tally> outcomes, int moved,
                        Optional<Double> medianSlip) {
        public Stage {
            Objects.requireNonNull(stage, "stage");
            outcomes = Map.copyOf(outcomes);
        }

        public Tally outcome(Outcome outcome) {
            return outcomes.getOrDefault(outcome, Tally.EMPTY);
        }

        public Tally due() {
            Tally total = Tally.EMPTY;
            for (Outcome o : Outcome.values()) {
                Tally t = outcome(o);
                total = new Tally(total.projects() + t.projects(), total.tonnes() + t.tonnes(),
                        total.undisclosed() + t.undisclosed());
            }
            return total;
        }

        /** The share of the due capacity (disclosed, in the stage's unit) that operates; empty when none is disclosed. */
        public Optional<Double> operatingSharePercent() {
            double due = due().tonnes();
            return due > 0 ? Optional.of(100 * (outcome(Outcome.ON_TIME).tonnes() + outcome(Outcome.LATE).tonnes()) / due)
                    : Optional.empty();
        }
    }

    public Stage stage(ChainStage stage) {
        return stages.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
