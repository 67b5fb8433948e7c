package io.chokepoint.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.DatePrecision;
import io.chokepoint.tracking.EventKind;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Funding;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.ReportPeriod;

/** News of the month: every event appears once, in the first report whose period ends after its day/month/quarter/year. */
class NewsRulesTest {

    private static final Project PLANT = new Project("AU-X-01-SEP", "AU-X-01", "X Ltd", List.of(Country.of("AU")),
            "Plant", Country.of("AU"), null, ChainStage.SEPARATION, ProjectStatus.FINANCING,
            LocalDate.parse("2024-03-01"), null, null, LocalDate.parse("2024-03-01"), 2028, null, OfftakeBinding.NO,
            "medium", "Wire 2024-03-01", null);

    private static FacilityEvent event(String date, DatePrecision precision, Funding funding) {
        return new FacilityEvent("AU-X-01", LocalDate.parse(date), EventKind.FINANCING, null, "x", null, "Wire " + date,
                null, null, null, funding, precision);
    }

    private static List<News> news(String period, List<FacilityEvent> all) {
        ReportPeriod p = ReportPeriod.parse(period);
        List<FacilityEvent> inPeriod = all.stream().filter(e -> !e.date().isBefore(p.month().atDay(1))
                && !e.date().isAfter(p.lastDay())).toList();
        AnalysisBuilder builder = Analysis.builder(p, AnalysisSettings.defaults(), List.of(), inPeriod, List.of(),
                f -> all).newsCandidates(all.stream().filter(e -> !e.date().isAfter(p.lastDay())).toList());
        builder.accept(PeriodProject.of(p, PLANT, all));
        return builder.finish().news();
    }

    @Test
    void aQuarterDate_isNewsInTheQuartersLastMonth_labelledWithTheQuarter() {
        Funding loan = new Funding(new BigDecimal("100000000"), "AUD", null, Funding.Kind.DEBT, Funding.Status.PROPOSED);
        List<FacilityEvent> all = List.of(event("2025-07-01", DatePrecision.QUARTER, loan));

        assertThat(news("2025-07", all)).isEmpty();
        assertThat(news("2025-08", all)).isEmpty();
        assertThat(news("2025-09", all)).singleElement().satisfies(n -> {
            assertThat(n.dateLabel()).isEqualTo("in Q3 2025");
            assertThat(n.carriedChange()).isFalse();
            assertThat(n.event().funding().status()).isEqualTo(Funding.Status.PROPOSED);
        });
        assertThat(news("2025-10", all)).isEmpty();
    }

    @Test
    void aYearDate_isNewsInDecember_duringTheYear_andADayDateInItsMonth() {
        List<FacilityEvent> all = List.of(event("2025-01-01", DatePrecision.YEAR, null),
                event("2025-03-14", DatePrecision.DAY, null));

        assertThat(news("2025-01", all)).isEmpty();
        assertThat(news("2025-03", all)).extracting(News::dateLabel).containsExactly("2025-03-14");
        assertThat(news("2025-12", all)).extracting(News::dateLabel).containsExactly("during 2025");
    }
}
