package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSettingsTest {

    @TempDir
    Path dir;

    private Path properties(String... lines) throws Exception {
        return Files.writeString(dir.resolve("chokepoint.properties"), String.join("\n", lines) + "\n");
    }

    @Test
    void noHostAnywhere_isEmpty() throws Exception {
        assertThat(MailSettings.load(null, Map.of())).isEmpty();
        assertThat(MailSettings.load(dir.resolve("absent.properties"), Map.of("PATH", "/usr/bin"))).isEmpty();
        assertThat(MailSettings.load(properties("db.file=tracker.db", "smtp.from=reports@example.org"), Map.of())).isEmpty();
    }

    @Test
    void smtpSettingsWithoutAHost_areAnError_namingTheMissingHostAndWhatIsSet() throws Exception {
        Path file = properties("smtp.port=587", "smtp.user=reports", "smtp.password=s3cr3t-Pa55",
                "smtp.from=reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("smtp.host is not set, but other SMTP settings are (smtp.password in " + file
                        + ", smtp.port in " + file + ", smtp.user in " + file + "): set smtp.host (or"
                        + " CHOKEPOINT_SMTP_HOST), or delivery.mode=outbox to write the mail to files in"
                        + " reports/YYYY-MM/outbox/ instead")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> MailSettings.load(null, Map.of("CHOKEPOINT_SMTP_TLS", "ssl")))
                .hasMessageStartingWith("smtp.host is not set, but other SMTP settings are (environment variable"
                        + " CHOKEPOINT_SMTP_TLS): ");
        assertThatThrownBy(() -> MailSettings.load(null, Map.of("CHOKEPOINT_DELIVERY_MODE", "smtp")))
                .hasMessageStartingWith("smtp.host is not set, but environment variable CHOKEPOINT_DELIVERY_MODE is"
                        + " smtp: set smtp.host");
    }

    @Test
    void outbox_isUsedWhenChosen_orWhenNothingIsSet_andOnlyThenSaidToBeTheDefault() throws Exception {
        Path chosen = properties("delivery.mode=Outbox", "smtp.port=587", "smtp.from=reports@example.org");
        assertThat(MailSettings.load(chosen, Map.of())).isEmpty();
        assertThat(MailSettings.outboxByDefault(chosen, Map.of())).isFalse();

        assertThat(MailSettings.outboxByDefault(null, Map.of())).isTrue();
        assertThat(MailSettings.outboxByDefault(properties("smtp.from=reports@example.org"), Map.of())).isTrue();
        assertThat(MailSettings.load(properties("delivery.mode=smtp", "smtp.host=mail.example.org",
                "smtp.from=reports@example.org"), Map.of())).isPresent();

        Path wrong = properties("delivery.mode=files");
        assertThatThrownBy(() -> MailSettings.load(wrong, Map.of()))
                .hasMessage("delivery.mode in " + wrong + " is 'files', expected smtp or outbox");
        assertThatThrownBy(() -> MailSettings.load(properties("delivery.mod=outbox"), Map.of()))
                .hasMessageEndingWith("did you mean delivery.mode?");
    }

    @Test
    void maxAttachment_defaultsToTenMegabytes_takesDecimals_andRefusesAnythingElse() throws Exception {
        assertThat(MailSettings.maxAttachmentBytes(null, Map.of())).isEqualTo(10L * 1024 * 1024);
        assertThat(MailSettings.maxAttachmentBytes(properties("mail.max-attachment-mb=0.5"), Map.of()))
                .isEqualTo(512L * 1024);
        assertThat(MailSettings.maxAttachmentBytes(null, Map.of("CHOKEPOINT_MAIL_MAX_ATTACHMENT_MB", "0")))
                .isZero();
        Path wrong = properties("mail.max-attachment-mb=10MB");
        assertThatThrownBy(() -> MailSettings.maxAttachmentBytes(wrong, Map.of()))
                .hasMessage("mail.max-attachment-mb in " + wrong + " is '10MB', expected a number of megabytes such"
                        + " as 10 or 0.5 (0: never attach the workbook)");
    }

    @Test
    void configuredFrom_isReadWithoutAHost_environmentWins() throws Exception {
        Path file = properties("smtp.from=Chokepoint <file@example.org>");

        assertThat(MailSettings.configuredFrom(null, Map.of())).isEmpty();
        assertThat(MailSettings.configuredFrom(file, Map.of())).contains("Chokepoint <file@example.org>");
        assertThat(MailSettings.configuredFrom(file, Map.of("CHOKEPOINT_SMTP_FROM", "env@example.org")))
                .contains("env@example.org");
        assertThatThrownBy(() -> MailSettings.configuredFrom(file, Map.of("CHOKEPOINT_SMTP_FROM", "not an address")))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("environment variable CHOKEPOINT_SMTP_FROM: ");
    }

    @Test
    void file_providesEverySetting_passwordFileRelativeToIt() throws Exception {
        // given
        Files.writeString(dir.resolve("smtp-password"), "s3cr3t-Pa55\n");
        Path file = properties("smtp.host=mail.example.org", "smtp.port=2525", "smtp.user=reports",
                "smtp.password-file=smtp-password", "smtp.from=Chokepoint <reports@example.org>", "smtp.tls=SSL");

        // when
        MailSettings settings = MailSettings.load(file, Map.of()).orElseThrow();

        // then
        assertThat(settings).isEqualTo(MailSettings.of("mail.example.org", 2525, "reports", "s3cr3t-Pa55",
                "Chokepoint <reports@example.org>", TlsMode.SSL));
        assertThat(settings.timeouts()).isEqualTo(new SmtpTimeouts(Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofMinutes(10)));
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void environment_overridesFile_emptyVariablesDoNot() throws Exception {
        Path file = properties("smtp.host=file.example.org", "smtp.port=25", "smtp.from=file@example.org", "smtp.tls=none");
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "env.example.org", "CHOKEPOINT_SMTP_TLS", "ssl",
                "CHOKEPOINT_SMTP_PORT", "", "CHOKEPOINT_SMTP_USER", "env-user", "CHOKEPOINT_SMTP_PASSWORD", "s3cr3t-Pa55");

        MailSettings settings = MailSettings.load(file, env).orElseThrow();

        assertThat(settings).isEqualTo(MailSettings.of("env.example.org", 25, "env-user", "s3cr3t-Pa55",
                "file@example.org", TlsMode.SSL));
    }

    @Test
    void password_isTakenExactly_otherValuesAreTrimmed() {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", " mail.example.org ", "CHOKEPOINT_SMTP_USER", "reports",
                "CHOKEPOINT_SMTP_PASSWORD", " s3cr3t-Pa55 ", "CHOKEPOINT_SMTP_FROM", "reports@example.org ");

        MailSettings settings = MailSettings.load(null, env).orElseThrow();

        assertThat(settings.host()).isEqualTo("mail.example.org");
        assertThat(settings.from()).isEqualTo("reports@example.org");
        assertThat(settings.password()).isEqualTo(" s3cr3t-Pa55 ");
    }

    @Test
    void passwordFromEnvironment_replacesThePasswordFileNamedInTheFile() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.user=reports", "smtp.password-file=/no/such/file",
                "smtp.from=reports@example.org");
        Path secret = Files.writeString(dir.resolve("secret"), "s3cr3t-Pa55\r\n\r\n");

        MailSettings settings = MailSettings.load(file, Map.of("CHOKEPOINT_SMTP_PASSWORD_FILE", secret.toString()))
                .orElseThrow();

        assertThat(settings.password()).isEqualTo("s3cr3t-Pa55");
    }

    @Test
    void defaults_tlsStarttlsAndTheModesPort() throws Exception {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org",
                "CHOKEPOINT_SMTP_FROM", "reports@example.org");

        assertThat(MailSettings.load(null, env).orElseThrow())
                .extracting(MailSettings::tls, MailSettings::port).containsExactly(TlsMode.STARTTLS, 587);
        assertThat(TlsMode.NONE.defaultPort()).isEqualTo(25);
        assertThat(TlsMode.SSL.defaultPort()).isEqualTo(465);
    }

    @Test
    void portNotANumber_namesTheSettingAndTheFile() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.port=25x", "smtp.from=reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("smtp.port in " + file + " is '25x', expected a port number from 1 to 65535");
    }

    @Test
    void portOutOfRangeFromEnvironment_namesTheVariable() {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org", "CHOKEPOINT_SMTP_PORT", "70000",
                "CHOKEPOINT_SMTP_FROM", "reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(null, env))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("environment variable CHOKEPOINT_SMTP_PORT is '70000', expected a port number from 1 to 65535");
    }

    @Test
    void unknownTlsMode_namesTheSettingAndListsTheModes() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.tls=tls", "smtp.from=reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("smtp.tls in " + file + ": unknown TLS mode 'tls', expected one of none, starttls, ssl");
    }

    @Test
    void unreadablePasswordFile_namesTheFileAndTheSetting() {
        Path missing = dir.resolve("missing-password");
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org", "CHOKEPOINT_SMTP_USER", "reports",
                "CHOKEPOINT_SMTP_PASSWORD_FILE", missing.toString(), "CHOKEPOINT_SMTP_FROM", "reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(null, env))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("cannot read the password file " + missing
                        + " named by environment variable CHOKEPOINT_SMTP_PASSWORD_FILE (NoSuchFileException)");
    }

    @Test
    void emptyPasswordFile_isReported() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org", "CHOKEPOINT_SMTP_USER", "reports",
                "CHOKEPOINT_SMTP_PASSWORD_FILE", empty.toString(), "CHOKEPOINT_SMTP_FROM", "reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(null, env)).hasMessageEndingWith("is empty");
    }

    @Test
    void missingFromAddress_isReported() throws Exception {
        Path file = properties("smtp.host=mail.example.org");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("smtp.from (or CHOKEPOINT_SMTP_FROM) is required when an SMTP host is set (smtp.host in "
                        + file + ")");
    }

    @Test
    void invalidFromAddress_namesWhereItCameFrom() {
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org", "CHOKEPOINT_SMTP_FROM", "reports");

        assertThatThrownBy(() -> MailSettings.load(null, env))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("environment variable CHOKEPOINT_SMTP_FROM: from address 'reports' is not a single "
                        + "valid email address");
    }

    @Test
    void userWithoutPassword_andPasswordWithoutUser_areReported() throws Exception {
        Path userOnly = properties("smtp.host=mail.example.org", "smtp.user=reports", "smtp.from=reports@example.org");
        assertThatThrownBy(() -> MailSettings.load(userOnly, Map.of()))
                .hasMessageStartingWith("smtp.user in " + userOnly + " sets user 'reports', but no password is configured");

        Path passwordOnly = properties("smtp.host=mail.example.org", "smtp.password=x", "smtp.from=reports@example.org");
        assertThatThrownBy(() -> MailSettings.load(passwordOnly, Map.of()))
                .hasMessageStartingWith("smtp.password in " + passwordOnly + " sets a password, but no user is configured");
    }

    @Test
    void passwordAndPasswordFileInTheSamePlace_areAmbiguous() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.user=reports", "smtp.password=x",
                "smtp.password-file=secret", "smtp.from=reports@example.org");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .hasMessage("both smtp.password in " + file + " and smtp.password-file in " + file
                        + " are set; use one of them");
    }

    @Test
    void misspeltKeyOrVariable_isReportedRatherThanIgnored() throws Exception {
        Path file = properties("smtp.hots=mail.example.org");
        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .hasMessage("unknown setting 'smtp.hots' in " + file + ": did you mean smtp.host?");

        assertThatThrownBy(() -> MailSettings.load(null, Map.of("CHOKEPOINT_SMTP_PASWORD", "x")))
                .hasMessage("unknown environment variable CHOKEPOINT_SMTP_PASWORD: did you mean CHOKEPOINT_SMTP_PASSWORD?");
    }

    @Test
    void toString_showsEverythingButThePassword() {
        MailSettings settings = MailSettings.of("mail.example.org", 587, "reports", "s3cr3t-Pa55",
                "reports@example.org", TlsMode.STARTTLS);

        assertThat(settings.toString())
                .doesNotContain("s3cr3t-Pa55")
                .contains("host=mail.example.org", "port=587", "user=reports", "password=(redacted)", "tls=STARTTLS");
        assertThat(MailSettings.of("mail.example.org", 25, null, null, "reports@example.org", TlsMode.NONE).toString())
                .contains("password=none");
    }

    @Test
    void invalidRecordValues_areRefused() {
        assertThatThrownBy(() -> MailSettings.of("mail.example.org", 0, null, null, "r@example.org", TlsMode.NONE))
                .hasMessage("port 0 is not between 1 and 65535");
        assertThatThrownBy(() -> MailSettings.of("mail example.org", 25, null, null, "r@example.org", TlsMode.NONE))
                .hasMessageContaining("must not contain spaces");
        MailSettings valid = MailSettings.of("mail.example.org", 25, null, null, "r@example.org", TlsMode.NONE);
        assertThatThrownBy(() -> valid.withRetry(0, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> valid.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
    }

    @Test
    void sessionProperties_boundEveryTimeoutForSmtpAndSmtps() {
        MailSettings settings = MailSettings.of("mail.example.org", 587, null, null, "r@example.org", TlsMode.NONE)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));

        Properties properties = SmtpSender.sessionProperties(settings);

        for (String protocol : new String[] {"smtp", "smtps"}) {
            assertThat(properties)
                    .containsEntry("mail." + protocol + ".connectiontimeout", "1000")
                    .containsEntry("mail." + protocol + ".timeout", "2000")
                    .containsEntry("mail." + protocol + ".writetimeout", "2000")
                    .containsEntry("mail." + protocol + ".auth", "false");
        }
        assertThat(properties).doesNotContainKey("mail.smtp.starttls.required");
    }

    @Test
    void sessionProperties_starttlsRequired_authOnlyWithAUser_smtpsForSsl() {
        MailSettings starttls = MailSettings.of("mail.example.org", 587, "reports", "s3cr3t-Pa55", "r@example.org",
                TlsMode.STARTTLS);

        assertThat(SmtpSender.sessionProperties(starttls))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .doesNotContainValue("s3cr3t-Pa55");
        assertThat(SmtpSender.protocol(starttls)).isEqualTo("smtp");
        assertThat(SmtpSender.protocol(MailSettings.of("mail.example.org", 465, null, null, "r@example.org", TlsMode.SSL)))
                .isEqualTo("smtps");
    }

    @Test
    void timeoutsRetriesAndPlaintextAuth_fromFileAndEnvironment_inSecondsOrWithAUnit() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.tls=none",
                "smtp.user=reports", "smtp.password=s3cr3t-Pa55", "smtp.connect-timeout=30",
                "smtp.command-timeout=90s", "smtp.deferred-retries=0");
        Map<String, String> env = Map.of("CHOKEPOINT_SMTP_DATA_TIMEOUT", "15min", "CHOKEPOINT_SMTP_DEFERRED_BACKOFF",
                "1500ms", "CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH", "true");

        MailSettings settings = MailSettings.load(file, env).orElseThrow();

        assertThat(settings.timeouts()).isEqualTo(new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(90),
                Duration.ofMinutes(15)));
        assertThat(settings.deferredRetry()).isEqualTo(new DeferredRetry(0, Duration.ofMillis(1500)));
        assertThat(settings.allowPlaintextAuth()).isTrue();
    }

    @Test
    void passwordWithoutTls_isRefusedNamingWhereItCameFrom_withoutShowingIt() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.tls=none",
                "smtp.user=reports", "smtp.password=s3cr3t-Pa55");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("refusing to send the password of smtp.password in " + file + " in clear: ")
                .hasMessageContaining("CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH=true")
                .hasMessageNotContaining("s3cr3t-Pa55");
        assertThatThrownBy(() -> MailSettings.load(file, Map.of("CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH", "yes")))
                .hasMessage("environment variable CHOKEPOINT_SMTP_ALLOW_PLAINTEXT_AUTH is 'yes', expected true or false");
    }

    @Test
    void oneLetterPassword_isNotCutOutOfOtherWords() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.tls=none",
                "smtp.user=reports", "smtp.password=p");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .hasMessage("refusing to send the password of smtp.password in " + file + " in clear: "
                        + MailSettings.PLAINTEXT_AUTH_REFUSED);
    }

    @Test
    void shortPasswordPastedIntoAnotherSetting_leavesTheValueOutOfTheMessage() throws Exception {
        Path file = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.tls=p",
                "smtp.user=reports", "smtp.password=p");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .hasMessageStartingWith("smtp.tls in " + file + ": unknown TLS mode (value not shown), expected ")
                .hasMessageNotContaining("'p'").hasMessageNotContaining("(redacted)");
    }

    @Test
    void longPassword_isRedactedAsAWholeValue_notInsideOtherWords() throws Exception {
        // The password pasted into smtp.port is left out where the message quotes the value.
        Path file = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.port=none",
                "smtp.user=reports", "smtp.password=none");

        assertThatThrownBy(() -> MailSettings.load(file, Map.of()))
                .hasMessage("smtp.port in " + file + " is '(redacted)', expected a port number from 1 to 65535");
        // A password that is part of a longer word ("pass" in "password") leaves that word whole.
        Path word = properties("smtp.host=mail.example.org", "smtp.from=r@example.org", "smtp.tls=none",
                "smtp.user=reports", "smtp.password=pass");
        assertThatThrownBy(() -> MailSettings.load(word, Map.of()))
                .hasMessage("refusing to send the password of smtp.password in " + word + " in clear: "
                        + MailSettings.PLAINTEXT_AUTH_REFUSED);
    }

    @Test
    void invalidDurations_areRefusedNamingTheSetting() {
        Map<String, String> base = Map.of("CHOKEPOINT_SMTP_HOST", "mail.example.org", "CHOKEPOINT_SMTP_FROM",
                "r@example.org");
        for (String value : List.of("0", "ten", "5h", "-1s")) {
            Map<String, String> env = new java.util.HashMap<>(base);
            env.put("CHOKEPOINT_SMTP_DATA_TIMEOUT", value);
            assertThatThrownBy(() -> MailSettings.load(null, env))
                    .as(value)
                    .isInstanceOf(DeliveryException.class)
                    .hasMessage("environment variable CHOKEPOINT_SMTP_DATA_TIMEOUT is '" + value + "', expected a"
                            + " positive duration such as 90 (seconds), 90s, 1500ms or 10min, at most 24 days");
        }
    }
}
