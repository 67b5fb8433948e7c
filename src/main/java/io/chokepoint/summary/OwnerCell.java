package io.chokepoint.summary;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * Tracked capacity at one stage grouped by the owner's home country (the first owner listed), with how much of it
 * sits abroad. Baselines carry no ownership, so this view covers tracked projects only.
 */
public record OwnerCell(Country owner, ChainStage stage, int projects, CapacityTally operating,
                        CapacityTally pipeline, int projectsAbroad) {
}
