package io.chokepoint.summary;

import java.util.Optional;

/**
 * How much of a stage's pipeline rests on soft data: projects that lack a disclosed capacity, an investment
 * figure, a target year, a binding offtake or a source.
 */
public record SoftData(int pipelineProjects, int softProjects, double pipelineCapacity, double softCapacity) {

    public static final SoftData EMPTY = new SoftData(0, 0, 0, 0);

    public Optional<Double> countSharePercent() {
        return pipelineProjects == 0 ? Optional.empty() : Optional.of(100.0 * softProjects / pipelineProjects);
    }

    public Optional<Double> capacitySharePercent() {
        return pipelineCapacity == 0 ? Optional.empty() : Optional.of(100.0 * softCapacity / pipelineCapacity);
    }

    SoftData plus(boolean soft, double comparableCapacity) {
        return new SoftData(pipelineProjects + 1, softProjects + (soft ? 1 : 0), pipelineCapacity + comparableCapacity,
                softCapacity + (soft ? comparableCapacity : 0));
    }
}
