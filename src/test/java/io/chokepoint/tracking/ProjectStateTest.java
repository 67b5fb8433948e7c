package io.chokepoint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProjectStateTest {

    private static Project project(ProjectStatus status, String statusAsOf, String announcedOn, Integer targetYear) {
        return new Project("X-1-SEP", "X-1", "Co", List.of(Country.of("US")), "Plant", Country.of("US"), null,
                ChainStage.SEPARATION, status, statusAsOf == null ? null : LocalDate.parse(statusAsOf), null, null,
                announcedOn == null ? null : LocalDate.parse(announcedOn), targetYear, null, OfftakeBinding.UNKNOWN,
                null, "src", null);
    }

    private static FacilityEvent event(String date, EventKind kind, ProjectStatus after, String value) {
        return new FacilityEvent("X-1", LocalDate.parse(date), kind, after, value, null, "src");
    }

    @Test
    void beforeAnyEvidence_notReported() {
        Project p = project(ProjectStatus.APPROVED, "2025-12-22", "2025-12-17", null);

        ProjectState state = ProjectState.of(p, List.of(), LocalDate.parse("2025-11-30"));

        assertThat(state.reported()).isFalse();
    }

    @Test
    void announcedButRowStatusLater_isAnnouncedUntilTheRowsDate() {
        Project p = project(ProjectStatus.APPROVED, "2025-12-22", "2025-12-17", null);

        assertThat(ProjectState.of(p, List.of(), LocalDate.parse("2025-12-20")))
                .isEqualTo(new ProjectState(true, ProjectStatus.ANNOUNCED, null, null));
        assertThat(ProjectState.of(p, List.of(), LocalDate.parse("2025-12-31")).status())
                .isEqualTo(ProjectStatus.APPROVED);
    }

    @Test
    void longEstablishedFacility_operatesThroughout() {
        Project p = project(ProjectStatus.OPERATING, "2025-06-01", null, null);

        ProjectState state = ProjectState.of(p, List.of(), LocalDate.parse("2010-01-31"));

        assertThat(state).isEqualTo(new ProjectState(true, ProjectStatus.OPERATING, null, null));
    }

    @Test
    void latestEvidenceWins_eventAfterTheRowsDate() {
        Project p = project(ProjectStatus.UNDER_CONSTRUCTION, "2024-01-01", "2022-07-01", 2023);
        List<FacilityEvent> events = List.of(event("2025-10-17", EventKind.CANCELLATION, ProjectStatus.CANCELLED, null));

        assertThat(ProjectState.of(p, events, LocalDate.parse("2025-09-30")).status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(ProjectState.of(p, events, LocalDate.parse("2025-10-31")).status()).isEqualTo(ProjectStatus.CANCELLED);
    }

    @Test
    void targetChangeWithAYear_movesTheTargetYearFromItsDate() {
        Project p = project(ProjectStatus.COMMISSIONING, "2025-01-01", "2021-01-01", 2023);
        List<FacilityEvent> events = List.of(
                event("2025-06-01", EventKind.TARGET_CHANGE, null, "Q1 2026"),
                event("2025-07-01", EventKind.TARGET_CHANGE, null, "FID H1 2027"));

        assertThat(ProjectState.of(p, events, LocalDate.parse("2025-05-31")).targetYear()).isEqualTo(2023);
        assertThat(ProjectState.of(p, events, LocalDate.parse("2025-07-31")).targetYear()).isEqualTo(2026);
    }

    @Test
    void operatingSince_fromOperatingStartOrFirstOperatingTransition() {
        Project p = project(ProjectStatus.OPERATING, "2025-06-01", "2023-01-01", 2024);
        List<FacilityEvent> events = List.of(
                event("2024-02-01", EventKind.COMMISSIONING, ProjectStatus.COMMISSIONING, null),
                event("2024-09-15", EventKind.CAPACITY_REVISION, ProjectStatus.OPERATING, "1000 t/yr"));

        assertThat(ProjectState.of(p, events, LocalDate.parse("2025-01-31")).operatingSince())
                .isEqualTo(LocalDate.parse("2024-09-15"));
        assertThat(ProjectState.of(p, events, LocalDate.parse("2024-08-31")).operatingSince()).isNull();
    }
}
