package io.chokepoint.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport that times the reply to the end of DATA reaches its socket through a socket factory; this checks
 * that Angus still layers TLS over that socket for {@code ssl} (GreenMail's SMTPS, its self-signed certificate
 * trusted for the test only) and that the message goes through with the reply timed.
 */
class TimedSmtpTransportTlsTest {

    @RegisterExtension
    // SMTPS makes its TLS key at start: GreenMail's default wait of 2 s timed out on a loaded machine.
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(
            new ServerSetup[] {smtps()}));

    private static ServerSetup smtps() {
        ServerSetup setup = ServerSetupTest.SMTPS.createCopy();
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    @TempDir
    Path dir;

    @Test
    void ssl_layersTlsOverTheRecordedSocket_andSends() throws Exception {
        MailSettings settings = MailSettings.of("127.0.0.1", GREEN_MAIL.getSmtps().getPort(), null, null,
                Fixtures.FROM, TlsMode.SSL).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        Properties properties = SmtpSender.sessionProperties(settings);
        properties.setProperty("mail.smtps.ssl.trust", "*");
        properties.setProperty("mail.smtps.ssl.checkserveridentity", "false");
        MimeMessage message = ReportMime.prepare(Session.getInstance(new Properties()),
                Addresses.parse(Fixtures.FROM, "from", true), Recipient.of("ana@example.org"),
                Fixtures.report(Fixtures.pdf(dir)), Fixtures.NOW).message();

        TimedSmtpTransport transport = TimedSmtpTransport.open(properties, "smtps", settings.timeouts());
        try {
            transport.connect(settings.host(), settings.port(), null, null);
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }

        assertThat(transport.bodySent()).isTrue();
        assertThat(transport.endOfDataReply()).isEqualTo(250);
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }
}
