package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How much of a stage's pipeline rests on soft data: projects whose {@link Disclosure#score() disclosure score} is
 * below 5 (they lack a disclosed capacity, an investment figure, a target year, a binding offtake or a dated
 * source), and how the pipeline's projects spread over the scores.
 *
 * @param scoreCounts pipeline projects with disclosure score 0, 1, …, 5 (six counts, summing to
 *                    {@code pipelineProjects})
 */
public record SoftData(int pipelineProjects, int softProjects, double pipelineCapacity, double softCapacity,
                       List<Integer> scoreCounts) {

    public static final SoftData EMPTY = new SoftData(0, 0, 0, 0,
            Collections.nCopies(Disclosure.MAX_SCORE + 1, 0));

    public SoftData {
        scoreCounts = List.copyOf(scoreCounts);
        if (scoreCounts.size() != Disclosure.MAX_SCORE + 1
                || scoreCounts.stream().mapToInt(Integer::intValue).sum() != pipelineProjects) {
            throw new IllegalArgumentException("score counts " + scoreCounts + " do not add up to " + pipelineProjects
                    + " pipeline projects");
        }
    }

    public Optional<Double> countSharePercent() {
        return pipelineProjects == 0 ? Optional.empty() : Optional.of(100.0 * softProjects / pipelineProjects);
    }

    public Optional<Double> capacitySharePercent() {
        return pipelineCapacity == 0 ? Optional.empty() : Optional.of(100.0 * softCapacity / pipelineCapacity);
    }

    /** Pipeline projects with the given disclosure score. */
    public int withScore(int score) {
        return scoreCounts.get(score);
    }

    SoftData plus(Disclosure disclosure, double comparableCapacity) {
        boolean soft = disclosure.soft();
        List<Integer> scores = new ArrayList<>(scoreCounts);
        scores.set(disclosure.score(), scores.get(disclosure.score()) + 1);
        return new SoftData(pipelineProjects + 1, softProjects + (soft ? 1 : 0), pipelineCapacity + comparableCapacity,
                softCapacity + (soft ? comparableCapacity : 0), scores);
    }
}
