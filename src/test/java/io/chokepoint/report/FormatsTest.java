package io.chokepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

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
}
