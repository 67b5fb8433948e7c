package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chokepoint.PostgresServer;
import io.chokepoint.tracking.ExportControl;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 23 on a tracker in PostgreSQL: the sample's controls load with it (dates as dates), export and a refused
 * import behave as on SQLite, and December 2025's heavy view, controls and exposure equal the same run on SQLite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresHeavyControlsTest {

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    @TempDir
    static Path dir;

    private static CliRun cli(String... args) {
        Map<String, String> env = PostgresServer.env(pg.login());
        return CliRun.run(env, args);
    }

    @Test
    @Order(1)
    void sample_loadsTheEightControls_withDateColumns() {
        CliRun init = cli("init", "--sample", "--home", dir.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        TrackerDatabase db = TrackerDatabase.connect(pg.login());
        assertThat(db.trackedProjects().controls()).extracting(ExportControl::id).containsExactly("CN-2023-057",
                "CN-2025-018", "CN-2025-056", "CN-2025-057", "CN-2025-061", "CN-2025-062", "US-2019-D054",
                "US-2024-D015");
        String type = db.jdbi().withHandle(h -> h.createQuery("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'export_control' AND column_name = 'suspended_until'").mapTo(String.class).one());
        assertThat(type).isEqualTo("date");
    }

    @Test
    @Order(2)
    void exportThenRefusedImport_onPostgres() throws Exception {
        Path pgFile = dir.resolve("pg-controls.csv");
        CliRun export = cli("export", "controls", pgFile.toString(), "--home", dir.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path lite = dir.resolve("lite.db");
        TrackerDatabase.open(lite);
        Path liteFile = dir.resolve("lite-controls.csv");
        assertThat(CliRun.run("export", "controls", liteFile.toString(), "--db", lite.toString()).exitCode()).isZero();
        assertThat(Files.readString(pgFile)).isEqualTo(Files.readString(liteFile));

        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,country,authority,measure,elements,forms,scope,"
                + "announced_on,effective_on,suspended_on,suspended_until,lifted_on,source,notes\n"
                + "CN-2023-057,CN,MOFCOM,Changed,,technology,export,2023-12-21,2023-12-21,,,,src,\n"
                + "XY-2026-001,CN,MOFCOM,Bad,Dy,oxide,export,2026-01-10,2026-01-02,,,,src,\n",
                StandardCharsets.UTF_8);
        CliRun refused = cli("import", "controls", bad.toString(), "--home", dir.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().lines()).containsExactly(
                bad + ":3: effective_on: 2026-01-02 is before announced_on 2026-01-10",
                bad + ": 1 problem, nothing was imported");
        // The valid first row was not written either.
        assertThat(TrackerDatabase.connect(pg.login()).trackedProjects().controls().get(0).measure())
                .startsWith("MOFCOM/MOST Announcement No. 57 of 2023");
    }

    @Test
    @Order(3)
    void december2025_heavyControlsAndExposure_equalTheSqliteRun() throws Exception {
        CliRun run = cli("run", "--period", "2025-12", "--home", dir.toString(), "--reports", dir.resolve("pg").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun local = CliRun.run("run", "--period", "2025-12", "--db", dir.resolve("lite.db").toString(),
                "--reports", dir.resolve("lite").toString());
        assertThat(local.exitCode()).as(local.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(dir.resolve("pg/2025-12/summary-2025-12.json").toFile());
        JsonNode b = new ObjectMapper().readTree(dir.resolve("lite/2025-12/summary-2025-12.json").toFile());
        for (String block : List.of("heavyBlock", "groups", "controls", "exposure")) {
            assertThat(a.get(block)).as(block).isEqualTo(b.get(block));
        }
        assertThat(a.get("groups").get(0).get("exChinaRiskWeighted").asDouble()).isEqualTo(150);
        assertThat(a.get("heavyBlock").get(1).asText()).contains("suspended until 2026-11-10");
    }

    @Test
    @Order(4)
    void dbCopy_carriesTheControls_andTheirFingerprint() throws Exception {
        io.chokepoint.tracking.store.PostgresLogin target = pg.newDatabase();
        CliRun copy = CliRun.run(PostgresServer.env(target), "db", "copy", "--from", dir.resolve("lite.db").toString(),
                "--to", target.url());
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(TrackerDatabase.connect(target).trackedProjects().controls())
                .isEqualTo(TrackerDatabase.open(dir.resolve("lite.db")).trackedProjects().controls()).hasSize(8);
    }
}
