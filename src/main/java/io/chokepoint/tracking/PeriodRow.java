package io.chokepoint.tracking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One project row of a period as the analysis reads it: the facts it tallies, the project's state at the end of
 * the period and of the previous one, and, when the row may belong to a change of the month, what the change
 * says of the project.
 *
 * @param change null when the row was read without it: its facility had no event of the month, no revision and
 *               the two states agree (see {@link PeriodSnapshots#forEachRow}), so it cannot be part of a change
 */
public record PeriodRow(ProjectFacts facts, ProjectState current, ProjectState previous, ChangeFacts change) {

    public PeriodRow {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }

    public static PeriodRow of(ProjectSnapshot snapshot) {
        Project p = snapshot.project();
        return new PeriodRow(ProjectFacts.of(p), snapshot.current(), snapshot.previous(),
                new ChangeFacts(p.facilityId(), p.id(), p.company(), p.statusAsOf(), p.announcedOn(), p.sources()));
    }

    /** What a change of the month quotes of the project: which row, whose, its latest evidence and sources. */
    public record ChangeFacts(String facilityId, String id, String company, LocalDate statusAsOf,
                              LocalDate announcedOn, String sources) {
        public ChangeFacts {
            Objects.requireNonNull(facilityId, "facilityId");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(company, "company");
        }
    }
}
