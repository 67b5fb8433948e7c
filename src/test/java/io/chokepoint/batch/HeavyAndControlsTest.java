package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.batch.runtime.BatchStatus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 23 on the embedded sample, through the real job: the heavy view, the controls' states and the exposure in
 * December 2025's summary, each compared with a plain reading of the sample CSVs (no code shared with the job),
 * and a control whose suspension ends is back in force the next month, its change of state news in that month.
 */
class HeavyAndControlsTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");
    private static final Path SAMPLE = Path.of("src/main/resources/sample");
    private static final Map<String, Double> WEIGHTS = Map.of("operating", 1.0, "commissioning", 0.9,
            "under_construction", 0.75, "financing", 0.6, "approved", 0.4, "announced", 0.2, "study", 0.1,
            "suspended", 0.05, "cancelled", 0.0);

    @TempDir
    static Path dir;
    static JsonNode december;
    static JsonNode october2026;
    static JsonNode november2026;
    static ReportFiles decemberFiles;

    @BeforeAll
    static void runTheMonths() throws Exception {
        TrackerDatabase sample = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        Path reports = dir.resolve("reports");
        december = run(sample, reports, DECEMBER);
        decemberFiles = new ReportFiles(reports, DECEMBER);
        october2026 = run(sample, reports, ReportPeriod.parse("2026-10"));
        november2026 = run(sample, reports, ReportPeriod.parse("2026-11"));
    }

    private static JsonNode run(TrackerDatabase tracker, Path reports, ReportPeriod period) throws Exception {
        assertThat(new ReportJob(tracker).start(period, reports).status()).isEqualTo(BatchStatus.COMPLETED);
        return new ObjectMapper().readTree(new ReportFiles(reports, period).summary().toFile());
    }

    static List<CSVRecord> csv(String name) throws Exception {
        try (Reader in = Files.newBufferedReader(SAMPLE.resolve(name))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static JsonNode group(JsonNode summary, String stage) {
        for (JsonNode g : summary.get("groups")) {
            if (g.get("stage").asText().equals(stage)) {
                return g;
            }
        }
        throw new AssertionError("no group " + stage);
    }

    private static JsonNode exposure(JsonNode summary, String stage, String view) {
        for (JsonNode e : summary.get("exposure")) {
            if (e.get("stage").asText().equals(stage) && e.get("view").asText().equals(view)) {
                return e;
            }
        }
        throw new AssertionError("no exposure " + stage + "/" + view);
    }

    private static String state(JsonNode summary, String id) {
        for (JsonNode c : summary.get("controls").get("list")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("stateText").asText();
            }
        }
        return "not listed";
    }

    @Test
    void december2025_heavySeparationShare_isTheNewestPublishedHeavyShare() throws Exception {
        // By hand from baselines.csv: heavy China separation rows stating a share, published by 2025-12-31, at
        // most 3 years old; the newest publication wins.
        CSVRecord newest = null;
        for (CSVRecord b : csv("baselines.csv")) {
            if (b.get("ree_group").equals("heavy") && b.get("country").equals("CN") && b.get("stage").equals("separation")
                    && b.get("notes").contains("share_pct=") && !b.get("published_on").isEmpty()
                    && !LocalDate.parse(b.get("published_on")).isAfter(DECEMBER.lastDay())
                    && 2025 - Integer.parseInt(b.get("year")) <= 3
                    && (newest == null || b.get("published_on").compareTo(newest.get("published_on")) > 0)) {
                newest = b;
            }
        }
        double share = Double.parseDouble(newest.get("notes").replaceAll("(?s).*share_pct=([0-9.]+).*", "$1"));
        assertThat(share).isEqualTo(99.0);
        JsonNode separation = group(december, "separation");
        assertThat(separation.get("chinaHeavySharePercent").asDouble()).isEqualTo(share);
        assertThat(separation.get("sharePublished").asBoolean()).isTrue();
        assertThat(separation.get("shareSource").asText()).contains("CSIS");
        assertThat(separation.get("sharePublishedOn").asText()).isEqualTo(newest.get("published_on"));
        assertThat(december.get("heavyBlock").get(0).asText())
                .startsWith("Heavy separation: China 99 % (published, CSIS 2025);");
    }

    @Test
    void december2025_exChinaHeavySeparationCapacity_0now_200asAnnounced_150riskWeighted() throws Exception {
        // By hand: ex-China separation projects of ree_group heavy or both; only t Dy-Tb oxide is summed. A
        // project's capacity, status and target year on 2025-12-31 are its latest typed event's by then, else its
        // row's (when the row's status date is by then).
        LocalDate day = DECEMBER.lastDay();
        List<CSVRecord> events = csv("events.csv");
        double now = 0;
        double announced = 0;
        double weighted = 0;
        int heavyView = 0;
        for (CSVRecord p : csv("projects.csv")) {
            if (!p.get("stage").equals("separation") || p.get("country").equals("CN")
                    || !(p.get("ree_group").equals("heavy") || p.get("ree_group").equals("both"))) {
                continue;
            }
            heavyView++;
            boolean rowKnown = p.get("status_as_of").isEmpty() || !LocalDate.parse(p.get("status_as_of")).isAfter(day);
            String status = rowKnown ? p.get("status") : null;
            String unit = rowKnown ? p.get("capacity_unit") : null;
            Double tpa = rowKnown && !p.get("capacity_tpa").isEmpty() ? Double.valueOf(p.get("capacity_tpa")) : null;
            String target = p.get("target_year");
            for (CSVRecord e : events) {
                if (!e.get("facility_id").equals(p.get("facility_id")) || LocalDate.parse(e.get("date")).isAfter(day)) {
                    continue;
                }
                if (!e.get("status_after").isEmpty()) {
                    status = e.get("status_after");
                }
                if (!e.get("capacity_tpa").isEmpty() && (e.get("stage").isEmpty() || e.get("stage").equals("separation"))) {
                    tpa = Double.valueOf(e.get("capacity_tpa"));
                    unit = e.get("capacity_unit");
                }
            }
            if (!"t Dy-Tb oxide".equals(unit) || status == null) {
                continue;
            }
            if (status.equals("operating")) {
                now += tpa;
            } else if (!status.equals("cancelled") && !target.isEmpty() && Integer.parseInt(target) <= 2030) {
                announced += tpa;
                weighted += tpa * WEIGHTS.get(status);
            }
        }
        assertThat(now).isZero();
        assertThat(announced).isEqualTo(200);
        assertThat(weighted).isEqualTo(150);

        JsonNode separation = group(december, "separation");
        assertThat(separation.get("unit").asText()).isEqualTo("t Dy-Tb oxide");
        assertThat(separation.get("exChinaNow").asDouble()).isEqualTo(now);
        assertThat(separation.get("exChinaAsAnnounced").asDouble()).isEqualTo(now + announced);
        assertThat(separation.get("exChinaRiskWeighted").asDouble()).isCloseTo(now + weighted, within(1e-9));
        List<String> undisclosed = new ArrayList<>();
        for (JsonNode p : separation.get("projects")) {
            if (p.get("id").asText().equals("US-MP-02-SEP")) {
                assertThat(p.get("heavyCapacity").asDouble()).isEqualTo(200);
            } else {
                assertThat(p.get("heavyCapacity").isNull()).as(p.toString()).isTrue();
                assertThat(p.get("missing").toString()).contains("heavy capacity");
                undisclosed.add(p.get("id").asText());
            }
        }
        // Lynas Malaysia (t NdPr oxide) and Iluka (t REO) are 'both': heavy-capable, heavy capacity undisclosed.
        assertThat(undisclosed).contains("MY-LYNAS-01-SEP", "AU-ILUKA-01-SEP");
        assertThat(separation.get("undisclosed").asInt()).isEqualTo(undisclosed.size());
        assertThat(separation.get("relieving").asInt()).isLessThanOrEqualTo(heavyView);
        // The chart's data: by country, US 0 → 200.
        assertThat(separation.get("countries").get(0).get("country").asText()).isEqualTo("US");
        assertThat(separation.get("countries").get(0).get("asAnnounced").asDouble()).isEqualTo(200);
        // Metal, alloy and magnet have no heavy unit: nothing is summed there.
        assertThat(group(december, "magnet").get("exChinaNow").isNull()).isTrue();
    }

    @Test
    void december2025_controlsOnTheLastDay() {
        assertThat(state(december, "CN-2023-057")).isEqualTo("in force");
        assertThat(state(december, "CN-2025-018")).isEqualTo("in force");
        for (String id : List.of("CN-2025-056", "CN-2025-057", "CN-2025-061", "CN-2025-062")) {
            assertThat(state(december, id)).as(id).isEqualTo("suspended until 2026-11-10");
        }
        assertThat(state(december, "US-2019-D054")).isEqualTo("in force");
        assertThat(state(december, "US-2024-D015")).isEqualTo("announced");
        assertThat(december.get("controls").get("list")).hasSize(8);
        assertThat(december.get("heavyBlock").get(1).asText()).contains("announced: US-2024-D015 (procurement)"
                + " (effective 2027-01-01)").contains("suspended until 2026-11-10: CN-2025-056, CN-2025-057,"
                + " CN-2025-061 (extraterritorial), CN-2025-062");
        // Nothing changed state in December 2025 (CN-2025-061's effective date fell inside its suspension).
        assertThat(december.get("controls").get("changes")).isEmpty();
        assertThat(december.get("heavyBlock").get(2).asText()).isEqualTo("No control changed state this month.");
    }

    @Test
    void december2025_exposure() {
        String partial = " (partial: Sm, Gd, Tb, Dy, Lu, Sc, Y)";
        assertThat(exposure(december, "separation", "all").get("text").asText()).isEqualTo("91.00 %" + partial);
        assertThat(exposure(december, "magnet", "all").get("text").asText()).isEqualTo("92.46 %" + partial);
        assertThat(exposure(december, "separation", "heavy").get("text").asText())
                .isEqualTo("99 % (published; partial: Sm, Gd, Tb, Dy, Lu, Sc, Y)");
        assertThat(exposure(december, "mining", "all").get("text").asText()).isEqualTo("none");
        assertThat(exposure(december, "metal", "all").get("text").asText()).startsWith("not computable");
        assertThat(exposure(december, "alloy", "all").get("text").asText()).startsWith("not computable");
        // The share is the stage's own figure (SampleFiguresTest checks it against IndependentShares).
        JsonNode separationStage = null;
        for (JsonNode s : december.get("stages")) {
            if (s.get("stage").asText().equals("separation")) {
                separationStage = s;
            }
        }
        assertThat(exposure(december, "separation", "all").get("countries").get(0).get("sharePercent").asDouble())
                .isEqualTo(separationStage.get("chinaSharePercent").asDouble());
        // Procurement rules are listed beside the magnet stage, never counted.
        JsonNode magnet = exposure(december, "magnet", "all");
        assertThat(magnet.get("procurement")).extracting(p -> p.get("id").asText())
                .containsExactly("US-2019-D054", "US-2024-D015");
        assertThat(magnet.get("countries")).extracting(c -> c.get("country").asText()).containsExactly("CN");
    }

    @Test
    void suspensionEnds_backInForceInNovember2026_andItsChangeIsThatMonthsNews() {
        assertThat(state(october2026, "CN-2025-057")).isEqualTo("suspended until 2026-11-10");
        assertThat(state(november2026, "CN-2025-057")).isEqualTo("in force");
        assertThat(state(november2026, "CN-2025-061")).isEqualTo("in force");
        List<String> news = new ArrayList<>();
        november2026.get("controls").get("changes").forEach(c -> news.add(c.get("sentence").asText()));
        assertThat(news).containsExactly(
                "CN-2025-056 suspended until 2026-11-10 → in force (2026-11-11)",
                "CN-2025-057 suspended until 2026-11-10 → in force (2026-11-11)",
                "CN-2025-061 suspended until 2026-11-10 → in force (2026-11-11)",
                "CN-2025-062 suspended until 2026-11-10 → in force (2026-11-11)");
        assertThat(october2026.get("controls").get("changes")).isEmpty();
        // Back in force: the October package's elements now count at separation (Ho, Er, Tm, Eu, Yb join).
        assertThat(exposure(november2026, "separation", "all").get("countries").get(0).get("elements").toString())
                .contains("Ho");
    }

    @Test
    void december2025_page1AndTheMail_carryTheBlock() throws Exception {
        String page1;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(decemberFiles.pdf().toFile())) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            // A line may break after a hyphen ("ex- China").
            page1 = stripper.getText(pdf).replaceAll("\\s+", " ").replace("- ", "-");
        }
        assertThat(page1).contains("Heavy rare earths and controls")
                .contains("Heavy separation: China 99 % (published, CSIS 2025)")
                .contains("ex-China heavy capacity 0 → 200 t Dy-Tb oxide in 2030 as announced (150 risk-weighted)")
                .contains("in force: CN-2023-057, CN-2025-018, US-2019-D054 (procurement)")
                .contains("No control changed state this month.");
        io.chokepoint.report.PeriodSummary summary = io.chokepoint.report.PeriodSummaryFile
                .read(decemberFiles.summary()).orElseThrow();
        io.chokepoint.delivery.ReportMessage mail = new io.chokepoint.distribution.ReportMail(summary,
                decemberFiles.pdf()).test();
        assertThat(mail.htmlBody()).contains("Heavy rare earths and controls")
                .contains("ex-China heavy capacity 0 → 200 t Dy-Tb oxide in 2030");
        assertThat(mail.textBody()).contains("suspended until 2026-11-10: CN-2025-056");
    }

    @Test
    void december2025_workbook_heavyAndControlsSheets_typedAndInTables() throws Exception {
        try (org.apache.poi.ss.usermodel.Workbook workbook = io.chokepoint.ReportFileReader.workbook(decemberFiles.workbook())) {
            org.apache.poi.ss.usermodel.Sheet controls = workbook.getSheet("Controls");
            org.apache.poi.ss.usermodel.Row cn057 = io.chokepoint.ReportFileReader.row(controls, "CN-2025-057").orElseThrow();
            org.apache.poi.ss.usermodel.Cell until = cn057.getCell(io.chokepoint.ReportFileReader.column(controls, "Suspended until"));
            assertThat(io.chokepoint.ReportFileReader.isDate(until)).isTrue();
            assertThat(until.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 10));
            assertThat(cn057.getCell(io.chokepoint.ReportFileReader.column(controls, "State on 2025-12-31"))
                    .getStringCellValue()).isEqualTo("suspended until 2026-11-10");
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) controls).getTables()).hasSize(2);
            org.apache.poi.ss.usermodel.Sheet heavy = workbook.getSheet("Heavy");
            org.apache.poi.ss.usermodel.Row separation = io.chokepoint.ReportFileReader.row(heavy, "separation", "stage")
                    .orElseThrow();
            assertThat(separation.getCell(3).getNumericCellValue()).isEqualTo(0.99);
            assertThat(separation.getCell(7).getNumericCellValue()).isEqualTo(200);
            assertThat(separation.getCell(8).getNumericCellValue()).isEqualTo(150);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) heavy).getTables()).hasSize(1);
        }
    }

    @Test
    void december2025_pdfSection_withTheControlsAndExposureTables() throws Exception {
        String text = io.chokepoint.ReportFileReader.pdfText(decemberFiles.pdf()).replaceAll("\\s+", " ");
        String section = text.substring(text.lastIndexOf("Heavy rare earths and controls"));
        assertThat(section).contains("heavy separation outside China · t Dy-Tb oxide") // the chart's title
                .contains("CN-2025-061 US extraterritorial".replace("US", "CN"))
                .contains("suspended until 2026-11-10")
                .contains("US-MP-02-SEP")
                .contains("separation all 91.00 % (partial: Sm, Gd, Tb, Dy, Lu, Sc, Y)")
                .contains("mining all none");
    }
}
