package io.chokepoint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of "A project's state on a date D" (product brief), one table row per case: a project row, its
 * facility's events, a day, and the state expected on that day, worked out by hand from the rule.
 */
class ProjectStateTest {

    private static final Capacity ROW_CAPACITY = new Capacity(1000, "t REO", CapacityBasis.NAMEPLATE);

    /** A separation row of facility X-1. */
    private static Project project(ProjectStatus status, String statusAsOf, String announcedOn, Integer targetYear,
                                   Capacity capacity) {
        return new Project("X-1-SEP", "X-1", "Co", List.of(Country.of("US")), "Plant", Country.of("US"), null,
                ChainStage.SEPARATION, status, date(statusAsOf), capacity, null, date(announcedOn), targetYear, null,
                OfftakeBinding.UNKNOWN, null, "src", null);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /** An event of facility X-1: its date, kind and status after, then typed facts added by the builder below. */
    private static Event event(String date, EventKind kind, ProjectStatus after) {
        return new Event(date, kind, after, null, null, null, null);
    }

    private record Event(String date, EventKind kind, ProjectStatus after, String value, ChainStage stage,
                         TargetYear targetYear, Capacity capacity) {
        Event value(String text) {
            return new Event(date, kind, after, text, stage, targetYear, capacity);
        }

        Event stage(ChainStage s) {
            return new Event(date, kind, after, value, s, targetYear, capacity);
        }

        Event year(String code) {
            return new Event(date, kind, after, value, stage, TargetYear.parse(code), capacity);
        }

        Event capacity(double tpa, String unit, CapacityBasis basis) {
            return new Event(date, kind, after, value, stage, targetYear, new Capacity(tpa, unit, basis));
        }

        FacilityEvent fact() {
            return new FacilityEvent("X-1", LocalDate.parse(date), kind, after, value, null, "src", stage, targetYear,
                    capacity);
        }
    }

    private static ProjectState state(boolean reported, ProjectStatus status, Integer targetYear, String since,
                                      Capacity capacity, Expansion expansion) {
        return new ProjectState(reported, status, targetYear, date(since), capacity, expansion);
    }

    static Stream<Arguments> cases() {
        Project announced = project(ProjectStatus.APPROVED, "2025-12-22", "2025-12-17", null, null);
        Project building = project(ProjectStatus.UNDER_CONSTRUCTION, "2024-01-01", "2022-07-01", 2023, ROW_CAPACITY);
        Project longEstablished = project(ProjectStatus.OPERATING, "2025-06-01", null, null, ROW_CAPACITY);
        Project operating = project(ProjectStatus.OPERATING, "2025-06-01", "2023-01-01", 2024, ROW_CAPACITY);
        Capacity expanded = new Capacity(3000, "t REO", CapacityBasis.TARGET);
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of("before any evidence: not yet reported", announced, List.of(), "2025-11-30",
                state(false, ProjectStatus.ANNOUNCED, null, null, null, null)));
        rows.add(Arguments.of("announced, the row's status dated later: announced until the row's date", announced,
                List.of(), "2025-12-20", state(true, ProjectStatus.ANNOUNCED, null, null, null, null)));
        rows.add(Arguments.of("the row's status from its date on", announced, List.of(), "2025-12-31",
                state(true, ProjectStatus.APPROVED, null, null, null, null)));
        rows.add(Arguments.of("a long-established facility operates throughout", longEstablished, List.of(),
                "2010-01-31", state(true, ProjectStatus.OPERATING, null, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("a later event's status wins over the row's", building,
                List.of(event("2025-10-17", EventKind.CANCELLATION, ProjectStatus.CANCELLED)), "2025-10-31",
                state(true, ProjectStatus.CANCELLED, 2023, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("the status of a target_change counts like any other event's", building,
                List.of(event("2025-06-01", EventKind.TARGET_CHANGE, ProjectStatus.COMMISSIONING).year("2026")),
                "2025-06-30", state(true, ProjectStatus.COMMISSIONING, 2026, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("a value full of misleading years beside a typed year: only the typed year counts",
                building, List.of(event("2025-06-01", EventKind.TARGET_CHANGE, null)
                        .value("earthworks planned for 2024 put on hold; 2028 -> 2031; FID Q1 2026").year("2029")),
                "2025-06-30", state(true, ProjectStatus.UNDER_CONSTRUCTION, 2029, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("a value with years but no typed year leaves the target year alone", building,
                List.of(event("2025-06-01", EventKind.TARGET_CHANGE, null).value("production moved to 2031")),
                "2025-06-30", state(true, ProjectStatus.UNDER_CONSTRUCTION, 2023, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("'none' clears the target year", building,
                List.of(event("2024-10-01", EventKind.TARGET_CHANGE, null).year("none")), "2024-12-31",
                state(true, ProjectStatus.UNDER_CONSTRUCTION, null, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("a later event restores a cleared target year", building,
                List.of(event("2024-10-01", EventKind.TARGET_CHANGE, null).year("none"),
                        event("2025-08-27", EventKind.TARGET_CHANGE, null).year("2028")), "2025-08-31",
                state(true, ProjectStatus.UNDER_CONSTRUCTION, 2028, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("an event dated after the day is not yet known", building,
                List.of(event("2025-08-27", EventKind.TARGET_CHANGE, null).year("2028")), "2025-07-31",
                state(true, ProjectStatus.UNDER_CONSTRUCTION, 2023, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("a capacity revision replaces the row's capacity", building,
                List.of(event("2025-03-01", EventKind.CAPACITY_REVISION, null)
                        .capacity(1500, "t REO", CapacityBasis.NAMEPLATE)), "2025-03-31",
                state(true, ProjectStatus.UNDER_CONSTRUCTION, 2023, null,
                        new Capacity(1500, "t REO", CapacityBasis.NAMEPLATE), null)));
        rows.add(Arguments.of("an event for another stage row touches only that row", building,
                List.of(event("2025-03-01", EventKind.CAPACITY_REVISION, ProjectStatus.OPERATING)
                        .stage(ChainStage.METAL).capacity(500, "t metal", CapacityBasis.NAMEPLATE).year("2030")),
                "2025-03-31", state(true, ProjectStatus.UNDER_CONSTRUCTION, 2023, null, ROW_CAPACITY, null)));
        rows.add(Arguments.of("an event for this stage row applies to it", building,
                List.of(event("2025-03-01", EventKind.CAPACITY_REVISION, null).stage(ChainStage.SEPARATION)
                        .capacity(800, "t REO", CapacityBasis.ACTUAL_OUTPUT)), "2025-03-31",
                state(true, ProjectStatus.UNDER_CONSTRUCTION, 2023, null,
                        new Capacity(800, "t REO", CapacityBasis.ACTUAL_OUTPUT), null)));
        rows.add(Arguments.of("on an operating project a target with a year is a planned expansion, not capacity "
                        + "today, and its year is not the year of first production", operating,
                List.of(event("2025-09-01", EventKind.CAPACITY_REVISION, null)
                        .capacity(3000, "t REO", CapacityBasis.TARGET).year("2028")), "2025-09-30",
                state(true, ProjectStatus.OPERATING, 2024, null, ROW_CAPACITY, new Expansion(expanded, 2028))));
        rows.add(Arguments.of("rules v3: a target without a year is never capacity today; it is an expansion due in"
                        + " the project's target year", operating,
                List.of(event("2025-09-01", EventKind.CAPACITY_REVISION, null)
                        .capacity(3000, "t REO", CapacityBasis.TARGET)), "2025-09-30",
                state(true, ProjectStatus.OPERATING, 2024, null, ROW_CAPACITY, new Expansion(expanded, 2024))));
        Project solvayLike = project(ProjectStatus.OPERATING, "2025-04-09", "2022-09-01", 2030,
                new Capacity(4500, "t REO", CapacityBasis.TARGET));
        rows.add(Arguments.of("rules v3: an operating row's own target is not capacity today (undisclosed) but an"
                        + " expansion due in its target year", solvayLike, List.of(), "2025-04-30",
                state(true, ProjectStatus.OPERATING, 2030, null, null,
                        new Expansion(new Capacity(4500, "t REO", CapacityBasis.TARGET), 2030))));
        rows.add(Arguments.of("a pipeline project's target with a year is its capacity and target year", building,
                List.of(event("2025-09-01", EventKind.APPROVAL, ProjectStatus.APPROVED)
                        .capacity(3000, "t REO", CapacityBasis.TARGET).year("2028")), "2025-09-30",
                state(true, ProjectStatus.APPROVED, 2028, null, expanded, null)));
        rows.add(Arguments.of("operating since the first event that left it operating", operating,
                List.of(event("2024-02-01", EventKind.COMMISSIONING, ProjectStatus.COMMISSIONING),
                        event("2024-09-15", EventKind.CAPACITY_REVISION, ProjectStatus.OPERATING)), "2025-01-31",
                state(true, ProjectStatus.OPERATING, 2024, "2024-09-15", ROW_CAPACITY, null)));
        rows.add(Arguments.of("same-date events count in the order they were recorded", operating,
                List.of(event("2025-09-19", EventKind.CAPACITY_REVISION, null)
                                .capacity(5000, "t REO", CapacityBasis.TARGET),
                        event("2025-09-19", EventKind.OPERATING_START, ProjectStatus.OPERATING)
                                .capacity(2000, "t REO", CapacityBasis.NAMEPLATE)), "2025-09-30",
                state(true, ProjectStatus.OPERATING, 2024, "2025-09-19",
                        new Capacity(2000, "t REO", CapacityBasis.NAMEPLATE),
                        new Expansion(new Capacity(5000, "t REO", CapacityBasis.TARGET), 2024))));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stateOnTheDay(String rule, Project project, List<Event> events, String day, ProjectState expected) {
        List<FacilityEvent> facts = events.stream().map(Event::fact).toList();

        assertThat(ProjectState.of(project, facts, LocalDate.parse(day))).isEqualTo(expected);
    }
}
