package io.chokepoint.summary;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;

/**
 * The analysis's assumptions: each stage's canonical capacity unit (capacity in any other unit is counted but
 * never summed with it).
 */
public record AnalysisSettings(Map<ChainStage, String> canonicalUnits) {

    public AnalysisSettings {
        canonicalUnits = Map.copyOf(new EnumMap<>(canonicalUnits));
        for (ChainStage stage : ChainStage.values()) {
            if (canonicalUnits.get(stage) == null || canonicalUnits.get(stage).isBlank()) {
                throw new IllegalArgumentException("no canonical unit for stage " + stage.code());
            }
        }
    }

    /** The defaults: tonnes of what each stage produces; mining and concentration as contained REO. */
    public static AnalysisSettings defaults() {
        Map<ChainStage, String> units = new EnumMap<>(ChainStage.class);
        units.put(ChainStage.MINING, "t REO");
        units.put(ChainStage.CONCENTRATION, "t REO");
        units.put(ChainStage.SEPARATION, "t REO");
        units.put(ChainStage.METAL, "t metal");
        units.put(ChainStage.ALLOY, "t alloy");
        units.put(ChainStage.MAGNET, "t magnet");
        units.put(ChainStage.RECYCLING, "t feed");
        return new AnalysisSettings(units);
    }

    public String canonicalUnit(ChainStage stage) {
        return Objects.requireNonNull(canonicalUnits.get(stage));
    }
}
