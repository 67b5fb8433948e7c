package io.chokepoint.stakeholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chokepoint.delivery.Recipient;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

class StakeholderTest {

    @Test
    void parse_acceptsCodesInAnyCase_keepsStagesInChainOrderAndCountriesSortedOnce() {
        Stakeholder s = Stakeholder.parse(" Ana.Lima+reports@Example.org ", " Ana Lima ",
                List.of("Metal", " separation", "metal"), List.of("vn", "KR ", "VN"));

        assertThat(s).isEqualTo(new Stakeholder("Ana.Lima+reports@Example.org", "Ana Lima",
                List.of(ChainStage.SEPARATION, ChainStage.METAL), List.of(Country.of("KR"), Country.of("VN"))));
        assertThat(s.key()).isEqualTo("ana.lima+reports@example.org");
        assertThat(s.followsStage(ChainStage.METAL)).isTrue();
        assertThat(s.followsStage(ChainStage.MINING)).isFalse();
    }

    @Test
    void lineBreakInName_isRefusedWithTheValueEscaped() {
        assertThatThrownBy(() -> Stakeholder.parse("ana@example.org", "Ana\r\nBcc: evil@example.net", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name 'Ana\\r\\nBcc: evil@example.net' contains a line break or control character"
                        + " (\\r at index 3), which could forge a mail header");
    }

    @Test
    void headerBreakingCharacters_inNameOrAddress_areRefused() {
        for (String name : List.of("Ana\nLima", "Ana\u0000", "Ana\u2028Lima", "Ana\u202Emil", "Ana\tLima")) {
            assertThatThrownBy(() -> new Stakeholder("ana@example.org", name, List.of(), List.of()))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        }
        assertThatThrownBy(() -> new Stakeholder("ana@example.org\r\nBcc: x@example.net", "Ana", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("address 'ana@example.org\\r\\nBcc: x@example.net' contains a line break");
    }

    @Test
    void badAddresses_areRefusedSayingWhy() {
        assertThatThrownBy(() -> new Stakeholder("ana.example.org", "Ana", List.of(), List.of()))
                .hasMessage("address 'ana.example.org' is not a valid email address such as ana@example.org: no @");
        assertThatThrownBy(() -> new Stakeholder("ana@example", "Ana", List.of(), List.of()))
                .hasMessageEndingWith("the domain 'example' must have a dot, e.g. example.org");
        assertThatThrownBy(() -> new Stakeholder("Ana <ana@example.org>", "Ana", List.of(), List.of()))
                .hasMessageContaining("no spaces");
        assertThatThrownBy(() -> new Stakeholder("ana@example.org, bo@example.org", "Ana", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stakeholder("", "Ana", List.of(), List.of()))
                .hasMessage("an email address is required");
        assertThatThrownBy(() -> new Stakeholder("ana@example.org", " ", List.of(), List.of()))
                .hasMessage("a name is required");
    }

    @Test
    void unknownStage_andPlaceholderOrUnknownCountries_areRefused() {
        assertThatThrownBy(() -> Stakeholder.parse("ana@example.org", "Ana", List.of("smelting"), List.of()))
                .hasMessage("unknown stage 'smelting', expected one of mining, concentration, separation, metal,"
                        + " alloy, magnet, recycling");
        assertThatThrownBy(() -> Stakeholder.parse("ana@example.org", "Ana", List.of(), List.of("XX")))
                .hasMessageContaining("'XX' (Rest of world) is a placeholder");
        assertThatThrownBy(() -> Stakeholder.parse("ana@example.org", "Ana", List.of(), List.of("QQ")))
                .hasMessage("country 'QQ' is not an ISO 3166 country code");
        assertThatThrownBy(() -> Stakeholder.parse("ana@example.org", "Ana", List.of(), List.of("Vietnam")))
                .hasMessageContaining("is not a two-letter ISO 3166 code");
    }

    @Test
    void everyAcceptedAddress_isAcceptedByTheMailCode() {
        // The stakeholder rules are a subset of delivery.Recipient's: a stored address can always be sent to.
        List<String> accepted = List.of("ana@example.org", "Ana.Lima+reports@Example.ORG", "o'neil@example.co.uk",
                "x_y-z!#$%&*/=?^`{|}~@sub-domain.example.net", "a@b.io", "reports@xn--bcher-kva.example");
        for (String address : accepted) {
            assertThatCode(() -> new Stakeholder(address, "N", List.of(), List.of())).as(address).doesNotThrowAnyException();
            assertThat(Recipient.of(address).email()).isEqualTo(address);
        }
        List<String> refused = List.of("\"quoted\"@example.org", "ana@[127.0.0.1]", "ana..lima@example.org",
                ".ana@example.org", "ana@-example.org", "ana@example.123", "anä@example.org", "ana@exämple.org");
        for (String address : refused) {
            assertThatThrownBy(() -> new Stakeholder(address, "N", List.of(), List.of())).as(address)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
