package io.chokepoint.schedule;

import java.util.Optional;

import io.chokepoint.tracking.ReportPeriod;

/** Where the schedule learns, at start-up, how far earlier runs got. */
@FunctionalInterface
public interface RunHistory {

    /** The newest period whose run completed, or empty if none ever did. */
    Optional<ReportPeriod> lastCompleted();
}
