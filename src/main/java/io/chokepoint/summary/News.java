package io.chokepoint.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.FacilityEvent;

/**
 * An event that is news this period: dated in it, or (dated to a month, quarter or year) whose month, quarter or
 * year ends in it. {@code carriedChange} tells whether it carried one of the period's state changes (it is then a
 * change row, with its amount) or none (a news row: funding, offtakes, FID targets, results, site selections).
 */
public record News(FacilityEvent event, String company, List<String> projectIds, List<ChainStage> stages,
                   boolean carriedChange) {

    public News {
        Objects.requireNonNull(event, "event");
        projectIds = List.copyOf(projectIds);
        stages = List.copyOf(stages);
    }

    /** How the report dates it: "2025-12-12", "in Q3 2025", "during 2025". */
    public String dateLabel() {
        return event.precision().label(event.date());
    }

    /** The event's sources dated by {@code day} (a report never cites a later one); undated items stay. */
    public String sourceAsOf(LocalDate day) {
        return Sources.datedBy(event.source(), day);
    }

    public LocalDate date() {
        return event.date();
    }
}
