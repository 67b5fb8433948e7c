package io.chokepoint.summary;

import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/** The tracked projects located in one country at one stage, split into operating and pipeline. */
public record CountryStageCell(Country country, ChainStage stage, int projects, CapacityTally operating,
                               CapacityTally pipeline) {
    public CountryStageCell {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(operating, "operating");
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
