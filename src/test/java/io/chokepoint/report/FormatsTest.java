package io.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.chokepoint.tracking.Investment;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void points_signedOneDecimal_trueMinus_zeroWithoutSign() {
        assertThat(Formats.points(1.24)).isEqualTo("+1.2 pp");
        assertThat(Formats.points(-1.1425)).isEqualTo("\u22121.1 pp");
        assertThat(Formats.points(-0.04)).isEqualTo("0.0 pp");
        assertThat(Formats.points(0.0)).isEqualTo("0.0 pp");
        assertThat(Formats.points(Optional.empty())).isEqualTo("n/a");
    }

    @Test
    void money_scaledInItsOwnCurrency_usdOnlyWhereASourceGaveIt() {
        assertThat(Formats.money(new BigDecimal("28500000000"), "KRW", 19.3)).isEqualTo("KRW 28.5 bn (\u2248 US$19.3 M)");
        assertThat(Formats.money(new BigDecimal("28500000000"), "KRW", null)).isEqualTo("KRW 28.5 bn");
        assertThat(Formats.money(new BigDecimal("689000000"), "USD", 689.0)).isEqualTo("USD 689 M");
        assertThat(Formats.money(new BigDecimal("475000000"), "AUD", 312.5)).isEqualTo("AUD 475 M (\u2248 US$312.5 M)");
        assertThat(Formats.money(new BigDecimal("1750000000"), "AUD", 1160.0)).isEqualTo("AUD 1.8 bn (\u2248 US$1.2 bn)");
        assertThat(Formats.money(new BigDecimal("45000"), "EUR", null)).isEqualTo("EUR 45 k");
        assertThat(Formats.money(new BigDecimal("999990"), "EUR", null)).isEqualTo("EUR 1 M");
        assertThat(Formats.money(new BigDecimal("950"), "EUR", null)).isEqualTo("EUR 950");
        assertThat(Formats.money(new BigDecimal("1234000000000"), "JPY", null)).isEqualTo("JPY 1,234 bn");
    }

    @Test
    void amountsInText_readableAmountsAndTonnes_restAsWritten() {
        List<Investment> stated = List.of(new Investment(new BigDecimal("28500000000"), "KRW", 19.3));

        assertThat(Formats.amountsInText("KRW 28500000000 — Board approved; KRW 10.7bn via treasury shares", stated))
                .isEqualTo("KRW 28.5 bn (\u2248 US$19.3 M) — Board approved; KRW 10.7bn via treasury shares");
        assertThat(Formats.amountsInText("USD 689000000; operations end-2027", List.of()))
                .isEqualTo("USD 689 M; operations end-2027");
        assertThat(Formats.amountsInText("capacity 10000 t/yr from 2028, ISO 9001 certified", List.of()))
                .isEqualTo("capacity 10,000 t/yr from 2028, ISO 9001 certified");
        assertThat(Formats.amountsInText("KRW 1000000000", stated)).isEqualTo("KRW 1 bn");
        assertThat(Formats.hasAmount("USD 689000000")).isTrue();
        assertThat(Formats.hasAmount("approval in 2025")).isFalse();
        assertThat(Formats.hasNonUsdAmount("USD 689000000")).isFalse();
        assertThat(Formats.hasNonUsdAmount("USD 689000000; KRW 28500000000")).isTrue();
    }

    @Test
    void tonnesAndPercent_separatorsAndOneDecimal() {
        assertThat(Formats.tonnes(254000)).isEqualTo("254,000");
        assertThat(Formats.percent(97)).isEqualTo("97.0 %");
        assertThat(Formats.percent(92.54)).isEqualTo("92.5 %");
    }
}
