package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTest {

    @Test
    void bareAddressAndName_areKept_blankNameBecomesNone() {
        assertThat(new Recipient(" ana@example.org ", " Ana Lima ")).isEqualTo(new Recipient("ana@example.org", "Ana Lima"));
        assertThat(new Recipient("ana@example.org", "  ")).isEqualTo(Recipient.of("ana@example.org"));
    }

    @Test
    void nameWithLineBreak_isRefusedWithTheValueEscaped() {
        assertThatThrownBy(() -> new Recipient("ana@example.org", "Ana\r\nBcc: eve@example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient name 'Ana\\r\\nBcc: eve@example.org'")
                .hasMessageContaining("\\r at index 3")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@example.org\r\nBcc: eve@example.org", "ana@example.org\n", "ana\u0000@example.org",
            "ana@example.org\u0085", "ana@example.org\u2028"})
    void addressWithControlCharacter_isRefused(String address) {
        assertThatThrownBy(() -> Recipient.of(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("recipient address '")
                .hasMessageContaining("control character")
                .satisfies(e -> assertThat(e.getMessage().chars()).noneMatch(c -> HeaderText.isUnsafe(c)));
    }

    @Test
    void bidiOverrideInName_isRefused() {
        assertThatThrownBy(() -> new Recipient("ana@example.org", "Ana \u202Egpj.exe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\\u202E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "ana@example..org", "ana@example.org, eve@example.org",
            "team: ana@example.org, bo@example.org;", "Ana <ana@example.org>", "ana@exa mple.org"})
    void anythingButOneBareAddress_isRefused(String address) {
        assertThatThrownBy(() -> Recipient.of(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient address '" + address + "'");
    }

    @Test
    void missingAddress_isRefused() {
        assertThatThrownBy(() -> Recipient.of(" ")).hasMessage("recipient address is required");
    }

    @Test
    void quotesCommasAndAngleBracketsInName_stayOneMailbox() throws Exception {
        String name = "Bo \"Procurement\" <ops>, Hanoi; eve@example.org";
        String header = new Recipient("bo@example.org", name).toAddress().toString();

        InternetAddress[] parsed = InternetAddress.parseHeader(header, true);

        assertThat(parsed).hasSize(1);
        assertThat(parsed[0].getAddress()).isEqualTo("bo@example.org");
        assertThat(parsed[0].getPersonal()).isEqualTo(name);
    }
}
