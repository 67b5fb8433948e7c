package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * One change in the period: an event dated in it, or a change the tracker shows without an event (a project
 * that appears, a status or target year that moved).
 *
 * @param kind      the event kind ({@code approval}, {@code target_change}, …), or {@code new_project},
 *                  {@code status_change}, {@code target_year_change} for changes not recorded as events
 * @param from      the state before (status or target year), empty when not applicable
 * @param to        the state after, empty when not applicable
 * @param fromEvent whether the change is a recorded event dated in the period
 * @param country   the facility's host country (of its first row in stage order), null when not known
 */
public record Change(LocalDate date, String kind, String facilityId, List<String> projectIds, String company,
                     List<ChainStage> stages, String from, String to, String detail, String source,
                     boolean fromEvent, Country country) {
    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(facilityId, "facilityId");
        projectIds = List.copyOf(projectIds);
        stages = List.copyOf(stages);
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        detail = detail == null ? "" : detail;
        source = source == null ? "" : source;
    }

    /** A change whose host country is not known. */
    public Change(LocalDate date, String kind, String facilityId, List<String> projectIds, String company,
                  List<ChainStage> stages, String from, String to, String detail, String source, boolean fromEvent) {
        this(date, kind, facilityId, projectIds, company, stages, from, to, detail, source, fromEvent, null);
    }
}
