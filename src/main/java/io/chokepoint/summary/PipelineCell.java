package io.chokepoint.summary;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ProjectStatus;

/** Tracked projects of one status at one stage in one country. */
public record PipelineCell(ChainStage stage, Country country, ProjectStatus status, CapacityTally tally) {
}
