package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.ReportManifest;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * summary-YYYY-MM.json of the embedded sample's December 2025, written by the real job: it follows the documented
 * schema, holds the figures the workbook and page 1 print (SampleFiguresTest has them worked out independently),
 * is listed in the manifest, and a second run on the same data writes the same bytes.
 */
class PeriodSummaryFileTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");

    @TempDir
    static Path dir;
    private static TrackerDatabase sample;
    private static ReportFiles files;
    private static JsonNode summary;

    @BeforeAll
    static void runDecember() throws Exception {
        sample = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        assertThat(new ReportJob(sample).start(DECEMBER, dir.resolve("reports")).status())
                .isEqualTo(BatchStatus.COMPLETED);
        files = new ReportFiles(dir.resolve("reports"), DECEMBER);
        summary = new ObjectMapper().readTree(files.summary().toFile());
    }

    @Test
    void summary_followsTheDocumentedSchema_withItsVersion() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("docs/summary.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }

        Set<ValidationMessage> problems = schema.validate(summary);

        assertThat(problems).isEmpty();
        assertThat(files.summary().getFileName().toString()).isEqualTo("summary-2025-12.json");
        assertThat(summary.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(summary.get("period").asText()).isEqualTo("2025-12");
        assertThat(summary.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(summary.get("previousPeriod").asText()).isEqualTo("2025-11");
        assertThat(summary.get("targetYear").asInt()).isEqualTo(2030);
        // The schema is strict: a field it does not document fails validation.
        ObjectNode extra = summary.deepCopy();
        extra.put("undocumented", 1);
        assertThat(schema.validate(extra)).isNotEmpty();
    }

    @Test
    void stages_holdTheSharesBasesBaselinesProjectionsAndAnchors() {
        JsonNode mining = stage("mining");
        assertThat(mining.get("chinaSharePercent").asDouble()).isCloseTo(69.23, within(0.005));
        assertThat(mining.get("basis").asText()).isEqualTo("output");
        assertThat(mining.get("baseline").get("year").asInt()).isEqualTo(2024);
        assertThat(mining.get("baseline").get("source").asText()).contains("USGS MCS 2025");
        assertThat(mining.get("baseline").get("publishedOn").asText()).isEqualTo("2025-01-31");
        JsonNode announced = mining.get("projection").get("asAnnounced");
        assertThat(announced.get("computable").asBoolean()).isFalse();
        assertThat(announced.get("chinaSharePercent").isNull()).isTrue();
        // v3 sample: AU-NTU-01-MIN, US-USAR-02-MIN and AO-PENSANA-01-MIN are due by 2030, none with a capacity.
        assertThat(announced.get("projects").asInt()).isEqualTo(3);
        assertThat(announced.get("text").asText()).isEqualTo("not computable (3 projects, capacity undisclosed)");
        assertThat(mining.get("publishedProjection").get("sharePercent").asDouble()).isEqualTo(54.0);
        assertThat(mining.get("publishedProjection").get("year").asInt()).isEqualTo(2030);

        JsonNode separation = stage("separation");
        // Issue 22's figures under rules v3 (China's quota covers its plants), as SampleFiguresTest checks them
        // against IndependentShares.
        assertThat(separation.get("chinaSharePercent").asDouble()).isCloseTo(91.00, within(0.005));
        assertThat(separation.get("basis").asText()).isEqualTo("China: quota; others: derived from a share");
        assertThat(separation.get("projection").get("asAnnounced").get("chinaSharePercent").asDouble())
                .isCloseTo(83.51, within(0.005));
        assertThat(separation.get("projection").get("riskWeighted").get("chinaSharePercent").asDouble())
                .isCloseTo(86.24, within(0.005));
        assertThat(separation.get("publishedProjection").get("sharePercent").asDouble()).isEqualTo(77.0);
        assertThat(separation.get("publishedProjection").get("source").asText()).contains("IEA");

        JsonNode magnet = stage("magnet");
        assertThat(magnet.get("chinaSharePercent").asDouble()).isCloseTo(92.46, within(0.005));
        assertThat(magnet.get("baseline").get("year").asInt()).isEqualTo(2025);
        // China's 2025 magnet row is derived from a published share; the other rows measure capacity.
        assertThat(magnet.get("basis").asText()).isEqualTo("China: derived from a share; others: capacity");
        // A stage without a complete baseline: no share, no projection; its published share stands instead.
        JsonNode metal = stage("metal");
        assertThat(metal.get("chinaSharePercent").isNull()).isTrue();
        assertThat(metal.get("projection").isNull()).isTrue();
        assertThat(metal.get("publishedShare").get("sharePercent").asDouble()).isEqualTo(97.0);
        assertThat(magnet.get("projection").get("riskWeighted").get("chinaSharePercent").asDouble())
                .isCloseTo(91.21, within(0.005)); // issue 22: magnet 2025-12 risk-weighted
        // Pipeline projects counted for the disclosure, with a named place for the 0–5 score's distribution.
        assertThat(magnet.get("disclosure").get("pipelineProjects").asInt())
                .isGreaterThanOrEqualTo(magnet.get("disclosure").get("softProjects").asInt()).isPositive();
        int scored = 0;
        for (JsonNode count : magnet.get("disclosure").get("scoreCounts")) {
            scored += count.asInt();
        }
        assertThat(magnet.get("disclosure").get("scoreCounts")).hasSize(6);
        assertThat(scored).isEqualTo(magnet.get("disclosure").get("pipelineProjects").asInt());
        assertThat(magnet.get("disclosure").get("scoreCounts").get(5).asInt())
                .isEqualTo(scored - magnet.get("disclosure").get("softProjects").asInt());

        assertThat(summary.get("stages")).extracting(s -> s.get("stage").asText()).containsExactly("mining",
                "concentration", "separation", "metal", "alloy", "magnet", "recycling");
    }

    @Test
    void changes_carryTheirStructuredFactsAndASentence() {
        JsonNode ls = null;
        for (JsonNode change : summary.get("changes")) {
            if (change.get("company").asText().startsWith("LS Eco")) {
                ls = change;
            }
        }
        assertThat(ls).as("the LS Eco Energy change of December 2025 in %s", summary.get("changes")).isNotNull();
        assertThat(ls.get("country").asText()).isEqualTo("VN");
        assertThat(ls.get("stages")).extracting(JsonNode::asText).contains("metal");
        assertThat(ls.get("date").asText()).startsWith("2025-12-");
        assertThat(ls.get("source").asText()).isNotBlank();
        assertThat(ls.get("sentence").asText()).isEqualTo("LS Eco Energy (majority-owned by LS Cable & System) in"
                + " Vietnam, owned from South Korea — metal: new in the tracker, approved; funding KRW 28.5 bn"
                + " (≈ US$19.3 M), committed (other). Still undisclosed: capacity, target year, binding offtake.");
        // December's story opens page 1, and the summary's movers: the metal approval in Vietnam comes first.
        JsonNode first = summary.get("movers").get(0);
        assertThat(first.get("facility").asText()).isEqualTo(ls.get("facility").asText());
        assertThat(first.get("stage").asText()).isEqualTo("metal");
        assertThat(first.get("sentence").asText()).isEqualTo(ls.get("sentence").asText());
    }

    @Test
    void manifestListsTheSummary_andASecondRunWritesTheSameBytes() throws Exception {
        ReportManifest manifest = ReportManifest.read(files.manifest()).orElseThrow();
        assertThat(manifest.files()).extracting(ReportManifest.FileEntry::name).contains("summary-2025-12.json");
        assertThat(manifest.files()).filteredOn(f -> f.name().equals("summary-2025-12.json"))
                .containsExactly(ReportManifest.FileEntry.of(files.summary()));
        byte[] first = Files.readAllBytes(files.summary());

        assertThat(new ReportJob(sample).start(DECEMBER, dir.resolve("reports")).status())
                .isEqualTo(BatchStatus.COMPLETED);

        assertThat(Files.readAllBytes(files.summary())).isEqualTo(first);
    }

    private static JsonNode stage(String code) {
        for (JsonNode s : summary.get("stages")) {
            if (s.get("stage").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + code);
    }
}
