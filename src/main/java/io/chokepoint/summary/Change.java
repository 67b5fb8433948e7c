package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Funding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;

/**
 * One change in the period: something that differs in a project's state between the previous period's last day
 * and this one's, with the event that carried it if any; or a revision of an earlier report.
 *
 * @param kind      {@code new_project}, {@code status_change}, {@code cancellation}, {@code suspension}, {@code slip},
 *                  {@code acceleration}, {@code target_year_set}, {@code timeline_withdrawn},
 *                  {@code capacity_revision}, {@code planned_expansion}, or {@code revision}
 * @param from      the state before (status, target year, capacity), empty when not applicable
 * @param to        the state after, empty when not applicable
 * @param fromEvent whether an event dated in the period carried the change
 * @param project   the facts of the first row that moved (for the sentence naming the change); null for a revision
 * @param state     that row's state on the period's last day; null for a revision
 * @param money     the facility's money as known on the period's last day: the latest typed amount of an event
 *                  dated by then; null when none
 * @param rowMoney  whether the row's own investment may be shown: its status_as_of is by the period's end and no
 *                  event of the facility types an amount
 */
public record Change(LocalDate date, String kind, String facilityId, List<String> projectIds, String company,
                     List<ChainStage> stages, String from, String to, String detail, String source,
                     boolean fromEvent, Project project, ProjectState state, Funding money, boolean rowMoney) {
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

    /** A change without the facts of a project row (a revision of an earlier report). */
    public Change(LocalDate date, String kind, String facilityId, List<String> projectIds, String company,
                  List<ChainStage> stages, String from, String to, String detail, String source, boolean fromEvent) {
        this(date, kind, facilityId, projectIds, company, stages, from, to, detail, source, fromEvent, null, null,
                null, false);
    }

    /** A change without money as known (the row's own investment may be shown). */
    public Change(LocalDate date, String kind, String facilityId, List<String> projectIds, String company,
                  List<ChainStage> stages, String from, String to, String detail, String source, boolean fromEvent,
                  Project project, ProjectState state) {
        this(date, kind, facilityId, projectIds, company, stages, from, to, detail, source, fromEvent, project, state,
                null, true);
    }
}
