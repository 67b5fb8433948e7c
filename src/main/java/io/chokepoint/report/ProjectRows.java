package io.chokepoint.report;

import java.util.function.Consumer;

import io.chokepoint.tracking.PeriodProject;

/** A re-readable stream of a period's project snapshots. */
@FunctionalInterface
public interface ProjectRows {
    void forEach(Consumer<PeriodProject> sink);
}
