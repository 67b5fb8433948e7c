package io.chokepoint.cli;

import static io.chokepoint.cli.MailFixtures.attachment;
import static io.chokepoint.cli.MailFixtures.imapInbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Sheet;
import org.assertj.core.groups.Tuple;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail carries the workbook beside the PDF, unless the workbook is larger than {@code mail.max-attachment-mb}:
 * then the body says where it is. Sent through GreenMail and read back over IMAP, part by part.
 */
class MailAttachmentTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("ana@example.org", "ana", MailFixtures.IMAP_PASSWORD));

    @TempDir
    Path dir;

    private Path db;
    private Path pdf;
    private Path workbook;

    @BeforeEach
    void oneStakeholder() {
        db = dir.resolve("chokepoint.db");
        assertThat(CliRun.run("init", "--sample", "--db", db.toString()).exitCode()).isZero();
        assertThat(CliRun.run("stakeholders", "add", "ana@example.org", "--name", "Ana", "--db", db.toString())
                .exitCode()).isZero();
        pdf = dir.resolve("reports/2026-01/chokepoint-2026-01.pdf");
        workbook = dir.resolve("reports/2026-01/chokepoint-2026-01.xlsx");
    }

    private MimeMessage runAndReceive(String... extraSettings) throws Exception {
        Path settings = MailFixtures.smtpSettings(dir, GREEN_MAIL.getSmtp().getBindTo(), GREEN_MAIL.getSmtp().getPort(),
                extraSettings);
        CliRun run = CliRun.run("run", "--period", "2026-01", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString(), "--config", settings.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<MimeMessage> inbox = imapInbox(GREEN_MAIL, "ana");
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    /** The parts of multipart/mixed after the bodies: each attachment's type, file name and bytes. */
    private record Attached(String type, String name, byte[] bytes) {
    }

    private static List<Attached> attachments(MimeMessage message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getBodyPart(0).isMimeType("multipart/alternative")).isTrue();
        List<Attached> attached = new ArrayList<>();
        for (int i = 1; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            attached.add(new Attached(new ContentType(part.getContentType()).getBaseType(), part.getFileName(),
                    part.getInputStream().readAllBytes()));
        }
        return attached;
    }

    /** The plain text and the HTML of the body. */
    private static List<String> bodies(MimeMessage message) throws Exception {
        Multipart alternative = (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
        return List.of((String) alternative.getBodyPart(0).getContent(), (String) alternative.getBodyPart(1).getContent());
    }

    @Test
    void workbookUnderTheDefaultLimit_isAttachedBesideThePdf_byteIdentical_andOpensAsTheReportsWorkbook()
            throws Exception {
        MimeMessage mail = runAndReceive();

        List<Attached> attached = attachments(mail);
        assertThat(attached).extracting(Attached::type, Attached::name).containsExactly(
                Tuple.tuple("application/pdf", "chokepoint-2026-01.pdf"),
                Tuple.tuple(XLSX, "chokepoint-2026-01.xlsx"));
        assertThat(attachment(mail)).isEqualTo(Files.readAllBytes(pdf));
        byte[] onDisk = Files.readAllBytes(workbook);
        assertThat(attached.get(1).bytes()).isEqualTo(onDisk);
        assertThat(onDisk.length).isLessThan(10 * 1024 * 1024);
        try (XSSFWorkbook received = new XSSFWorkbook(new ByteArrayInputStream(attached.get(1).bytes()));
             XSSFWorkbook written = new XSSFWorkbook(Files.newInputStream(workbook))) {
            List<String> sheets = new ArrayList<>();
            received.forEach((Sheet s) -> sheets.add(s.getSheetName()));
            List<String> expected = new ArrayList<>();
            written.forEach((Sheet s) -> expected.add(s.getSheetName()));
            assertThat(sheets).isEqualTo(expected).isNotEmpty();
        }
        for (String body : bodies(mail)) {
            assertThat(body).contains("The workbook with every figure behind the report, chokepoint-2026-01.xlsx,"
                    + " is attached too.");
        }
    }

    @Test
    void workbookOverTheLimit_isNotAttached_andTheBodySaysWhereItIs() throws Exception {
        // A limit of 1 KB, far below any workbook the job writes.
        MimeMessage mail = runAndReceive("mail.max-attachment-mb=0.001");

        long size = Files.size(workbook);
        assertThat(size).isGreaterThan(1048);
        List<Attached> attached = attachments(mail);
        assertThat(attached).extracting(Attached::name).containsExactly("chokepoint-2026-01.pdf");
        assertThat(attached.get(0).bytes()).isEqualTo(Files.readAllBytes(pdf));
        String where = "reports/2026-01/chokepoint-2026-01.xlsx";
        List<String> bodies = bodies(mail);
        assertThat(bodies.get(0)).contains("The workbook with every figure behind the report (chokepoint-2026-01.xlsx, "
                + Math.round(size / 1024.0) + " KB) is too large to attach; it is in the reports folder at " + where + ".");
        assertThat(bodies.get(1)).contains(where).contains("is too large to attach");
    }
}
