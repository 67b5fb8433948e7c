package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.delivery.MailSettings;

/** The distribution's conf/ examples name only settings the program knows: uncommented, they are accepted. */
class ConfExamplesTest {

    private static final Path CONF = Path.of("src/dist/conf");

    @TempDir
    Path dir;

    @Test
    void propertiesExample_uncommented_isReadWithoutAnUnknownKey() throws Exception {
        List<String> keys = uncommented(CONF.resolve("chokepoint.properties")).stream()
                .filter(line -> line.startsWith("smtp.")).toList();
        assertThat(keys).hasSize(13);
        Path file = Files.write(dir.resolve("chokepoint.properties"), keys, StandardCharsets.UTF_8);

        assertThatCode(() -> MailSettings.configuredFrom(file, Map.of())).doesNotThrowAnyException();
    }

    @Test
    void deliveryAndMailKeys_areInBothExamples_andAcceptedUncommented() throws Exception {
        List<String> keys = uncommented(CONF.resolve("chokepoint.properties")).stream()
                .filter(line -> line.startsWith("delivery.") || line.startsWith("mail.")).toList();
        assertThat(keys).containsExactly("delivery.mode=smtp", "mail.max-attachment-mb=10");
        Path file = Files.write(dir.resolve("chokepoint.properties"), keys, StandardCharsets.UTF_8);
        assertThatCode(() -> MailSettings.maxAttachmentBytes(file, Map.of())).doesNotThrowAnyException();

        Map<String, String> env = new LinkedHashMap<>();
        for (String line : uncommented(CONF.resolve("chokepoint.env"))) {
            if (line.startsWith("CHOKEPOINT_DELIVERY_") || line.startsWith("CHOKEPOINT_MAIL_")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env).containsOnlyKeys("CHOKEPOINT_DELIVERY_MODE", "CHOKEPOINT_MAIL_MAX_ATTACHMENT_MB");
        assertThat(MailSettings.maxAttachmentBytes(null, env)).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void environmentExample_uncommented_isReadWithoutAnUnknownVariable() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : uncommented(CONF.resolve("chokepoint.env"))) {
            if (line.startsWith("CHOKEPOINT_SMTP_")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env).hasSize(13);

        assertThatCode(() -> MailSettings.configuredFrom(null, env)).doesNotThrowAnyException();
    }

    /** The example lines, {@code #key=value}, without their {@code #}. */
    private static List<String> uncommented(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.matches("#[A-Za-z_.-]+=.*")).map(line -> line.substring(1)).toList();
    }
}
