package io.chokepoint.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.Investment;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ProjectStatus;

class DisclosureTest {

    private static final String DATED = "Vietnam Investment Review 2025-12-22 https://vir.com.vn/a.html";

    /** One row per case: the five facts as given, then the expected score and missing list. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all five disclosed        | true  | true  | 2028 | yes     | 'Reuters 2025-01-02 https://r.com/x'                  | 5 | ''
            nothing disclosed         | false | false |      | unknown | ''                                                    | 0 | capacity, investment, target year, binding offtake, dated source
            LS Eco Energy seed row    | false | true  |      | no      | 'Vietnam Investment Review 2025-12-22 https://vir.com.vn/a.html ; LSCV 2025-12-17' | 2 | capacity, target year, binding offtake
            offtake not binding       | true  | true  | 2027 | no      | 'Reuters 2025-01-02'                                  | 4 | binding offtake
            source dated by month     | true  | true  | 2027 | yes     | 'Project Blue 2025-09 https://projectblue.com/a'      | 4 | dated source
            source not dated          | true  | true  | 2027 | yes     | 'Rare Earth Exchanges n.d. https://ree.com/?p=3090'   | 4 | dated source
            date only inside the URL  | true  | true  | 2027 | yes     | 'Blog https://example.com/2025-03-04/post'            | 4 | dated source
            impossible date           | true  | true  | 2027 | yes     | 'Blog 2025-13-40'                                     | 4 | dated source
            second item dated         | true  | false | 2027 | yes     | 'Blog 2025 ; Reuters 2024-06-03 https://r.com'        | 4 | investment
            no capacity, no timeline  | false | true  |      | yes     | 'Reuters 2024-06-03'                                  | 3 | capacity, target year
            """)
    void score_countsTheDisclosedFacts(String name, boolean capacity, boolean investment, Integer targetYear,
                                       String offtake, String sources, int score, String missing) {
        Project project = project(capacity, investment, OfftakeBinding.fromCode(offtake), sources);
        ProjectState state = new ProjectState(true, ProjectStatus.APPROVED, targetYear, null, project.capacity(), null);

        Disclosure disclosure = Disclosure.of(project, state);

        assertThat(disclosure.score()).isEqualTo(score);
        assertThat(disclosure.soft()).isEqualTo(score < 5);
        assertThat(String.join(", ", disclosure.missing())).isEqualTo(missing);
    }

    @Test
    void timeline_isTheStatesTargetYear_notTheRows() {
        // The row says 2025, but the state on the report's day (a later event cleared it) has none.
        Project project = project(true, true, OfftakeBinding.YES, DATED);

        assertThat(Disclosure.of(project, new ProjectState(true, ProjectStatus.APPROVED, null, null,
                project.capacity(), null)).score()).isEqualTo(4);
        assertThat(Disclosure.of(project, new ProjectState(true, ProjectStatus.APPROVED, 2027, null,
                project.capacity(), null)).score()).isEqualTo(5);
    }

    @Test
    void capacity_isTheStatesCapacityToday_notTheRows() {
        // The row discloses a capacity, but the state's capacity (from typed facts) is what the report counts.
        Project project = project(false, true, OfftakeBinding.YES, DATED);
        Capacity revised = new Capacity(500, "t metal", CapacityBasis.NAMEPLATE);

        assertThat(Disclosure.of(project, new ProjectState(true, ProjectStatus.APPROVED, 2027, null, revised, null))
                .score()).isEqualTo(5);
        assertThat(Disclosure.of(project, new ProjectState(true, ProjectStatus.APPROVED, 2027, null, null, null))
                .missing()).containsExactly("capacity");
    }

    private static Project project(boolean capacity, boolean investment, OfftakeBinding binding, String sources) {
        return new Project("VN-X-01-MET", "VN-X-01", "Company", List.of(Country.of("KR")), "Plant", Country.of("VN"),
                null, ChainStage.METAL, ProjectStatus.APPROVED, LocalDate.parse("2025-12-22"),
                capacity ? new Capacity(1000, "t metal", CapacityBasis.NAMEPLATE) : null,
                investment ? new Investment(new BigDecimal("28500000000"), "KRW", 19.3) : null,
                LocalDate.parse("2025-12-17"), 2025, null, binding, "medium", sources.isEmpty() ? null : sources, null);
    }
}
