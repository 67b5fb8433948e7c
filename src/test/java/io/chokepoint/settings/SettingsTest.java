package io.chokepoint.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final SettingsCatalog CATALOG = new SettingsCatalog(List.of(SettingKey.of("smtp.host"),
            SettingKey.of("smtp.password-file"), SettingKey.envOnly("CHOKEPOINT_HOME")), List.of("smtp.", "CHOKEPOINT_SMTP_"));

    @TempDir
    Path dir;

    @Test
    void key_andItsVariable_followOneFromTheOther() {
        assertThat(SettingKey.of("smtp.password-file").env()).isEqualTo("CHOKEPOINT_SMTP_PASSWORD_FILE");
    }

    @Test
    void environment_winsOverTheFile_andValuesKeepWhereTheyCameFrom() throws IOException {
        Path file = Files.writeString(dir.resolve("c.properties"), "smtp.host=file.example.org\n");

        Settings settings = Settings.load(file, Map.of("CHOKEPOINT_SMTP_HOST", "env.example.org", "PATH", "/bin"), CATALOG);

        assertThat(settings.get("smtp.host").orElseThrow())
                .isEqualTo(new Settings.Value("smtp.host", "env.example.org", "environment variable CHOKEPOINT_SMTP_HOST", null));
        assertThat(settings.fromFile("smtp.").get("smtp.host").origin()).isEqualTo("smtp.host in " + file);
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void unknownNameInAStrictNamespace_isAnError_namingTheNearest() throws IOException {
        Path file = Files.writeString(dir.resolve("c.properties"), "smtp.hots=x\n");

        assertThatThrownBy(() -> Settings.load(file, Map.of(), CATALOG)).isInstanceOf(SettingsException.class)
                .hasMessage("unknown setting 'smtp.hots' in " + file + ": did you mean smtp.host?");
        assertThatThrownBy(() -> Settings.load(null, Map.of("CHOKEPOINT_SMTP_PASSWORD_FLIE", "x"), CATALOG))
                .hasMessage("unknown environment variable CHOKEPOINT_SMTP_PASSWORD_FLIE: did you mean"
                        + " CHOKEPOINT_SMTP_PASSWORD_FILE?");
    }

    @Test
    void unknownNameElsewhere_isAWarning_namingTheNearest_andIsIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("c.properties"), "smpt.host=x\n");

        Settings settings = Settings.load(file, Map.of("CHOKEPOINT_HOEM", "/srv"), CATALOG);

        assertThat(settings.warnings()).containsExactly(
                "unknown setting 'smpt.host' in " + file + ": did you mean smtp.host? It is ignored.",
                "unknown environment variable CHOKEPOINT_HOEM: did you mean CHOKEPOINT_HOME? It is ignored.");
        assertThat(settings.get("smpt.host")).isEmpty();
    }

    @Test
    void absentFile_hasNoValues_unreadableFileIsAnError() throws IOException {
        assertThat(Settings.load(dir.resolve("none.properties"), Map.of(), CATALOG).fromFile("")).isEmpty();
        Path folder = Files.createDirectory(dir.resolve("folder.properties"));

        assertThatThrownBy(() -> Settings.load(folder, Map.of(), CATALOG))
                .hasMessageStartingWith("cannot read settings file " + folder);
    }
}
