package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Units are never mixed: two heavy separation plants planted in the sample, one operating in t REO (the wrong unit
 * for the heavy view) and one in t Dy-Tb oxide (the wrong unit for the all-REE view). Each is counted only where
 * its unit is the stage's, and listed as not comparable in the other view.
 */
class HeavyUnitsTest {

    private static final String HEADER = "id,facility_id,company,owner_country,facility,country,region,stage,status,"
            + "status_as_of,capacity_tpa,capacity_unit,capacity_basis,investment_amount,investment_currency,"
            + "investment_usd_m,announced_on,target_year,offtake,offtake_binding,confidence,sources,notes,"
            + "status_as_of_precision,ree_group\n";

    @TempDir
    Path dir;

    private JsonNode december(Path db, String name) throws Exception {
        TrackerDatabase.open(db);
        Path reports = dir.resolve(name);
        CliRun run = CliRun.run("run", "--period", "2025-12", "--db", db.toString(), "--reports", reports.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(reports.resolve("2025-12/summary-2025-12.json").toFile());
    }

    private static JsonNode node(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " " + value);
    }

    @Test
    void heavyPlantInTREO_isNotComparable_andDyTbOxideIsNeverAddedToTREO() throws Exception {
        Path plain = dir.resolve("plain.db");
        JsonNode before = december(plain, "plain");
        Path planted = dir.resolve("planted.db");
        TrackerDatabase.open(planted);
        Path csv = Files.writeString(dir.resolve("planted.csv"), HEADER
                + "CA-TEST-01-SEP,CA-TEST-01,Test Heavy,CA,Test heavy refinery,CA,,separation,operating,2025-06-01,"
                + "1000,t REO,nameplate,,,,2020-01-01,2020,,unknown,low,Test 2025-06-01,,,heavy\n"
                + "NO-TEST-02-SEP,NO-TEST-02,Test DyTb,NO,Test Dy-Tb line,NO,,separation,operating,2025-06-01,"
                + "50,t Dy-Tb oxide,nameplate,,,,2020-01-01,2020,,unknown,low,Test 2025-06-01,,,heavy\n",
                StandardCharsets.UTF_8);
        CliRun imported = CliRun.run("import", "projects", csv.toString(), "--db", planted.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        JsonNode after = december(planted, "planted");

        JsonNode heavyBefore = node(before.get("groups"), "stage", "separation");
        JsonNode heavyAfter = node(after.get("groups"), "stage", "separation");
        // Heavy view: only the 50 t Dy-Tb oxide is added; the 1,000 t REO plant is listed, not comparable.
        assertThat(heavyAfter.get("exChinaNow").asDouble()).isEqualTo(heavyBefore.get("exChinaNow").asDouble() + 50);
        assertThat(heavyAfter.get("notComparable").asInt()).isEqualTo(heavyBefore.get("notComparable").asInt() + 1);
        JsonNode wrong = node(heavyAfter.get("projects"), "id", "CA-TEST-01-SEP");
        assertThat(wrong.get("capacityNote").asText()).isEqualTo("not comparable (t REO)");
        assertThat(wrong.get("heavyCapacity").isNull()).isTrue();
        assertThat(node(heavyAfter.get("countries"), "country", "NO").get("now").asDouble()).isEqualTo(50);
        assertThat(heavyAfter.get("countries").findValues("country").stream().map(JsonNode::asText))
                .doesNotContain("CA");

        // All-REE view: the 1,000 t REO plant is tracked in the stage's unit; the 50 t Dy-Tb oxide one is counted
        // as not comparable and adds nothing to any t REO figure.
        JsonNode stageBefore = node(before.get("stages"), "stage", "separation");
        JsonNode stageAfter = node(after.get("stages"), "stage", "separation");
        JsonNode norway = null;
        for (JsonNode c : stageAfter.get("countries")) {
            if (c.get("country").asText().equals("NO")) {
                norway = c;
            }
        }
        assertThat(norway.get("operating").get("tonnes").asDouble()).isZero();
        assertThat(norway.get("operating").get("notComparable").asInt()).isEqualTo(1);
        JsonNode canada = null;
        for (JsonNode c : stageAfter.get("countries")) {
            if (c.get("country").asText().equals("CA")) {
                canada = c;
            }
        }
        double canadaBefore = 0;
        for (JsonNode c : stageBefore.get("countries")) {
            if (c.get("country").asText().equals("CA")) {
                canadaBefore = c.get("operating").get("tonnes").asDouble();
            }
        }
        assertThat(canada.get("operating").get("tonnes").asDouble()).isEqualTo(canadaBefore + 1000);
    }
}
