package io.chokepoint.tracking.store;

import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.EventRecord;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FactParser;
import io.chokepoint.tracking.FactText;
import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.FutureDates;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectChange;
import io.chokepoint.tracking.ProjectHistory;
import io.chokepoint.tracking.TrackerException;
import io.chokepoint.tracking.TrackerTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * Single edits of the tracker, as an analyst makes them from the command line: add or change a project, record
 * an event, look a project up. Values go through the same checks as an import; a problem throws
 * {@link InvalidDataException} naming the option, and nothing is written.
 *
 * <p>Thread-safe: every edit uses its own connection and transaction.
 */
public final class TrackerEdits {

    /** The name of the project id in problems about {@link #addEvent}'s project. */
    public static final String PROJECT = "project";

    private final Jdbi jdbi;
    private final FutureDates futureDates;
    private final Dialect dialect;

    /** @param futureDates refuses dates given more than a year ahead, unless allowed; null: not checked */
    TrackerEdits(Jdbi jdbi, FutureDates futureDates, Dialect dialect) {
        this.dialect = dialect;
        this.jdbi = jdbi;
        this.futureDates = futureDates;
    }

    /** Dates more than a year ahead among the given values, unless allowed. */
    private void checkDates(FieldInput input, List<DataProblem> problems) {
        if (futureDates != null && !futureDates.allowed()) {
            problems.addAll(futureDates.find(input.values(), input.label()));
        }
    }

    /** Adds a new project; its id must not exist yet. */
    public Project addProject(FieldInput input) {
        List<DataProblem> problems = new ArrayList<>();
        Project project = FactParser.project(FactParser.Row.of(input.values(), input.label()), problems);
        checkDates(input, problems);
        return jdbi.inTransaction(h -> {
            TrackerStore store = new TrackerStore(h, dialect);
            String id = input.values().get("id");
            if (id != null && store.findProject(id.strip()).isPresent()) {
                problems.add(DataProblem.inOption(input.label().apply("id"), "project '" + id.strip()
                        + "' already exists; change it with: chokepoint project update " + id.strip()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidDataException(problems);
            }
            store.insertProject(project);
            return project;
        });
    }

    /**
     * Changes the given columns of an existing project and keeps the others; an empty value clears an optional
     * column. Returns the project as it was before and as it is now.
     */
    public ProjectChange updateProject(String id, FieldInput changes) {
        return jdbi.inTransaction(h -> {
            TrackerStore store = new TrackerStore(h, dialect);
            Project before = store.findProject(id).orElseThrow(() -> unknownProject(id));
            Map<String, String> values = new LinkedHashMap<>();
            List<String> current = FactText.projectValues(before);
            for (int i = 0; i < TrackerTable.PROJECTS.columns().size(); i++) {
                values.put(TrackerTable.PROJECTS.columns().get(i), current.get(i));
            }
            values.putAll(changes.values());
            values.put("id", id);
            List<DataProblem> problems = new ArrayList<>();
            Project after = FactParser.project(FactParser.Row.of(values, changes.label()), problems);
            checkDates(changes, problems);
            if (!problems.isEmpty()) {
                throw new InvalidDataException(problems);
            }
            if (!after.equals(before)) {
                store.updateProject(after);
            }
            return new ProjectChange(before, after);
        });
    }

    /**
     * Records an event for the facility of the project {@code projectId}; the event applies to every stage row of
     * that facility, or to its {@code stage} row only. An identical event already recorded is not added again; the
     * same event with other notes or typed facts has them replaced.
     */
    public EventRecord addEvent(String projectId, FieldInput input) {
        return jdbi.inTransaction(h -> {
            TrackerStore store = new TrackerStore(h, dialect);
            Project project = store.findProject(projectId).orElseThrow(() -> new InvalidDataException(List.of(
                    DataProblem.inOption(input.label().apply(PROJECT), unknownProject(projectId).getMessage()))));
            Map<String, String> values = new LinkedHashMap<>(input.values());
            values.put("facility_id", project.facilityId());
            List<DataProblem> problems = new ArrayList<>();
            FacilityEvent event = FactParser.event(FactParser.Row.of(values, input.label()), problems);
            checkDates(input, problems);
            if (event != null && event.stage() != null && !store.facilityHasStage(project.facilityId(), event.stage())) {
                problems.add(DataProblem.inOption(input.label().apply("stage"), "facility " + project.facilityId()
                        + " has no " + event.stage().code() + " row; its stages are "
                        + store.stagesOf(project.facilityId())));
            }
            if (!problems.isEmpty()) {
                throw new InvalidDataException(problems);
            }
            Optional<TrackerStore.Stored<FacilityEvent>> stored = store.findEvent(event);
            if (stored.isEmpty()) {
                store.insertEvent(event);
                return new EventRecord(event, EventRecord.Outcome.ADDED);
            }
            if (stored.get().value().equals(event)) {
                return new EventRecord(event, EventRecord.Outcome.ALREADY_RECORDED);
            }
            store.updateEventFacts(new TrackerStore.Stored<>(stored.get().rowId(), event));
            return new EventRecord(event, EventRecord.Outcome.UPDATED);
        });
    }

    /** The project with every event of its facility, in date order. */
    public ProjectHistory project(String id) {
        return jdbi.withHandle(h -> {
            TrackerStore store = new TrackerStore(h, dialect);
            Project project = store.findProject(id).orElseThrow(() -> unknownProject(id));
            return new ProjectHistory(project, store.eventsOf(project.facilityId()));
        });
    }

    private static TrackerException unknownProject(String id) {
        return new TrackerException("no project '" + id + "' in the tracker");
    }
}
