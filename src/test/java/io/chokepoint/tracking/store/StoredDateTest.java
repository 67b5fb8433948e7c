package io.chokepoint.tracking.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored date read by its digits is the day LocalDate.parse reads, and what it refuses is refused alike. */
class StoredDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31", "2024-02-29", "1999-12-01", "0001-01-01", "9999-12-31", "2026-10-09"})
    void isoDays_asLocalDateParseReadsThem(String text) {
        assertThat(FactColumns.date(text)).isEqualTo(LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "2026-13-01", "2026-00-10", "2026-1-011", "2026/01/31", "2026-01-3x",
            "+2026-01-31", "2026-01-31T00:00", ""})
    void anythingElse_refusedAsLocalDateParseRefusesIt(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> FactColumns.date(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void null_isNull() {
        assertThat(FactColumns.date(null)).isNull();
    }
}
