package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.DatePrecision;

/**
 * Why one of a stage's shares moved since the previous period (product.md, "Why a number moved"): the change
 * {@code after − before}, where {@code before} is the previous period as known now, split into a baseline part (the
 * share with this period's baseline set and the previous period's facts, minus {@code before}) and one part per
 * fact dated in the period, applied one at a time in order (date, facility id, the row's announcement, its events in
 * the order they were recorded, the row's own status). The parts add up to the change.
 *
 * @param share  which share: now, in the target year as announced, or risk-weighted
 * @param before the previous period's share as known now, in percent
 * @param after  this period's share, in percent
 */
public record Attribution(ChainStage stage, Share share, int targetYear, double before, double after,
                          List<Part> parts) {

    public Attribution {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(share, "share");
        parts = List.copyOf(parts);
    }

    /** The three shares a stage shows. */
    public enum Share {
        NOW, AS_ANNOUNCED, RISK_WEIGHTED;

        /** "now", "2030 as announced", "2030 risk-weighted". */
        public String label(int targetYear) {
            return switch (this) {
                case NOW -> "now";
                case AS_ANNOUNCED -> targetYear + " as announced";
                case RISK_WEIGHTED -> targetYear + " risk-weighted";
            };
        }

        int index() {
            return ordinal();
        }
    }

    /**
     * One part of a change.
     *
     * @param baseline   whether this is the baseline part (then {@code facilityId} and {@code date} are null)
     * @param fact       what the fact was, in words ("USA Rare Earth (USAR): target_change — Q1 2026"), or what
     *                   changed in the baseline ("the 2025 set replaced the 2024 set")
     * @param date       the fact's (first) day
     * @param precision  how precise that date is ("during 2025")
     * @param points     its part of the change, in percentage points
     */
    public record Part(boolean baseline, String fact, String facilityId, String company, LocalDate date,
                       DatePrecision precision, double points) {
    }

    public double change() {
        return after - before;
    }

    /** The baseline part, in points. */
    public double baselinePoints() {
        return parts.stream().filter(Part::baseline).mapToDouble(Part::points).sum();
    }

    /** The sum of the parts of each facility's facts, in points, by facility (the baseline part has none). */
    public Map<String, Double> pointsByFacility() {
        return parts.stream().filter(p -> p.facilityId() != null)
                .collect(java.util.stream.Collectors.groupingBy(Part::facilityId,
                        java.util.stream.Collectors.summingDouble(Part::points)));
    }

    /** Whether the baseline part is at least half of the change (page 1 then says so). */
    public boolean mostlyBaseline() {
        return Math.abs(change()) >= 0.05 && Math.abs(baselinePoints()) >= Math.abs(change()) / 2;
    }
}
