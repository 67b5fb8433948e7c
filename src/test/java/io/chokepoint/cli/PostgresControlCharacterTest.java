package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.PostgresServer;
import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 25, point 1 on PostgreSQL: a NUL in an imported cell is refused as on SQLite, one line per problem naming
 * file, line and column, exit 3, nothing written; not the server's error with a multi-KB dump (exit 4).
 */
class PostgresControlCharacterTest {

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    Path dir;

    @Test
    void nulInACell_isRefusedLikeOnSqlite_andNothingIsWritten() throws Exception {
        Map<String, String> env = PostgresServer.env(pg.login());
        assertThat(CliRun.run(env, "init", "--sample", "--home", dir.toString()).exitCode()).isZero();
        Path csv = dir.resolve("events.csv");
        assertThat(CliRun.run(env, "export", "events", csv.toString(), "--home", dir.toString()).exitCode()).isZero();
        String text = Files.readString(csv);
        String withNul = text.replace("Binding offtake with Hyundai/Kia.", "Binding offtake with\u0000Hyundai/Kia.");
        assertThat(withNul).isNotEqualTo(text);
        Path file = Files.writeString(dir.resolve("nul.csv"), withNul);
        String before = InputFingerprint.of(TrackerDatabase.connect(pg.login()));

        CliRun imported = CliRun.run(env, "import", "events", file.toString(), "--home", dir.toString());

        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(3);
        assertThat(imported.err()).isEqualTo(file + ":2: notes: control character (U+0000 at character 21 of the"
                + " cell); remove it\n" + file + ": 1 problem, nothing was imported\n");
        assertThat(InputFingerprint.of(TrackerDatabase.connect(pg.login()))).isEqualTo(before);
    }
}
