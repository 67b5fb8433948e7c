package io.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.TestReports;
import io.chokepoint.tracking.Investment;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** Page 1's movers on the sample data, and the amounts they print. */
class MoversTest {

    @TempDir
    Path dir;

    @Test
    void december2025_opensWithTheLsEcoEnergyApproval_theScarcestStage() {
        Report report = TestReports.of(TrackerDatabase.open(dir.resolve("chokepoint.db")),
                ReportPeriod.parse("2025-12"), LocalDate.parse("2026-01-05"));

        List<Movers.Mover> movers = Movers.of(report.analysis(), Movers.SHOWN);

        // No China share moved in December (all 0.0 pp), so the scarcest stage comes first: metal, then separation
        // (USA Rare Earth's Round Top study, also a mine), then magnet (LS Cable's Chesapeake plant).
        assertThat(movers).extracting(m -> m.change().facilityId())
                .containsExactly("VN-LSEE-01", "US-USAR-02", "US-LSCS-01");
        assertThat(movers.get(0).sentence()).isEqualTo("LS Eco Energy (majority-owned by LS Cable & System) in "
                + "Vietnam, owned from South Korea \u2014 metal: new in the tracker, approved; funding KRW 28.5 bn "
                + "(\u2248 US$19.3 M), committed (other). Still undisclosed: capacity, target year, binding offtake.");
        // events.csv: US-LSCS-01's announcement of 2025-12-12 types USD 689000000, other, proposed.
        assertThat(movers.get(2).sentence()).contains("in United States, owned from South Korea \u2014 magnet: new in "
                + "the tracker, announced; funding USD 689 M, proposed (other); target year 2027.");
    }

    @Test
    void money_inItsOwnCurrency_withTheUsdASourceGave() {
        assertThat(Formats.money(new Investment(new BigDecimal("28500000000"), "KRW", 19.3)))
                .isEqualTo("KRW 28.5 bn (\u2248 US$19.3 M)");
        assertThat(Formats.money(new Investment(new BigDecimal("689000000"), "USD", 689.0))).isEqualTo("USD 689 M");
        assertThat(Formats.money(new Investment(new BigDecimal("110000000"), "EUR", null))).isEqualTo("EUR 110 M");
        assertThat(Formats.money(new Investment(new BigDecimal("1250000000"), "AUD", null))).isEqualTo("AUD 1.3 bn");
        assertThat(Formats.money(new Investment(new BigDecimal("840000"), "AUD", null))).isEqualTo("AUD 840 k");
    }
}
