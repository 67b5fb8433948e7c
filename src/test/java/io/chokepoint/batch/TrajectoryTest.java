package io.chokepoint.batch;

import static io.chokepoint.batch.IndependentShares.date;
import static io.chokepoint.batch.IndependentShares.has;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.batch.runtime.BatchStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.ReportManifest;
import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * Issue 24's trajectory and track record on the embedded sample, from the real job's summary files: the "as known
 * now" line against {@link IndependentShares} (a plain reading of the CSVs), the "as published" line against the
 * summary files the earlier runs wrote, a late fact's gap, and the track record against a count made from the CSVs.
 */
class TrajectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YearMonth FIRST = YearMonth.of(2025, 6);
    private static final YearMonth LAST = YearMonth.of(2026, 1);

    @TempDir
    static Path dir;
    static Path reports;
    static IndependentShares independent;

    @BeforeAll
    static void runJuneToJanuary() throws Exception {
        TrackerDatabase sample = TrackerDatabase.open(dir.resolve("chokepoint.db"));
        reports = dir.resolve("reports");
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            assertThat(new ReportJob(sample).start(new ReportPeriod(m), reports).status())
                    .isEqualTo(BatchStatus.COMPLETED);
        }
        independent = new IndependentShares(SampleFiguresTest.SAMPLE_DATA);
    }

    private static JsonNode summary(Path reportsDir, YearMonth m) throws Exception {
        return JSON.readTree(new ReportFiles(reportsDir, new ReportPeriod(m)).summary().toFile());
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static JsonNode point(JsonNode trajectory, String stage, YearMonth m) {
        for (JsonNode s : trajectory.path("stages")) {
            if (s.path("stage").asText().equals(stage)) {
                for (JsonNode p : s.path("points")) {
                    if (p.path("period").asText().equals(m.toString())) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no " + stage + " point for " + m);
    }

    @Test
    void asKnownNow_agreesWithAPlainReadingOfTheCsvs() throws Exception {
        JsonNode trajectory = summary(reports, LAST).path("trajectory");
        // 24 periods: the sample's first fact is years before 2024-02.
        assertThat(trajectory.path("periods")).hasSize(24);
        assertThat(trajectory.path("periods").get(0).asText()).isEqualTo("2024-02");
        List<String> stages = new ArrayList<>();
        trajectory.path("stages").forEach(s -> stages.add(s.path("stage").asText()));
        // The stages with a current complete set in January 2026 (the others have no share to follow).
        List<String> withSet = new ArrayList<>();
        for (String stage : List.of("mining", "concentration", "separation", "metal", "alloy", "magnet", "recycling")) {
            if (independent.shares(stage, LAST).now() != null) {
                withSet.add(stage);
            }
        }
        assertThat(stages).isEqualTo(withSet).contains("separation", "magnet");
        int compared = 0;
        for (String stage : stages) {
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                IndependentShares.Shares expected = independent.shares(stage, m);
                JsonNode known = point(trajectory, stage, m).path("knownNow");
                Double now = number(known.path("now"));
                if (expected.now() == null) {
                    assertThat(now).as(stage + " " + m).isNull();
                    continue;
                }
                assertThat(now).as(stage + " now " + m).isCloseTo(expected.now(), within(0.01));
                compared++;
                // A projection is null only where it is not computable (mining: its pipeline is undisclosed).
                Double announced = number(known.path("asAnnounced"));
                Double weighted = number(known.path("riskWeighted"));
                if (announced != null) {
                    assertThat(announced).as(stage + " as announced " + m).isCloseTo(expected.announced(), within(0.01));
                    assertThat(weighted).as(stage + " risk-weighted " + m).isCloseTo(expected.weighted(), within(0.01));
                    compared += 2;
                } else {
                    assertThat(stage).isEqualTo("mining");
                }
            }
        }
        // At least separation's three shares in each of the eight months (magnet's set is newer than June).
        assertThat(compared).isGreaterThanOrEqualTo(8 * 3 + 8);
        // Issue 22's December figures, for a reader checking by eye.
        JsonNode december = point(trajectory, "separation", YearMonth.of(2025, 12)).path("knownNow");
        assertThat(number(december.path("now"))).isCloseTo(91.00, within(0.005));
        assertThat(number(december.path("asAnnounced"))).isCloseTo(83.51, within(0.005));
        assertThat(number(december.path("riskWeighted"))).isCloseTo(86.24, within(0.005));
    }

    @Test
    void asPublished_isWhatEachRunsSummaryFileSays() throws Exception {
        JsonNode trajectory = summary(reports, LAST).path("trajectory");
        ReportManifest manifest = ReportManifest.read(new ReportFiles(reports, new ReportPeriod(LAST)).manifest())
                .orElseThrow();
        assertThat(manifest.summariesRead()).hasSize(7);
        for (JsonNode s : trajectory.path("stages")) {
            String stage = s.path("stage").asText();
            for (JsonNode p : s.path("points")) {
                YearMonth m = YearMonth.parse(p.path("period").asText());
                JsonNode published = p.path("published");
                if (m.isBefore(FIRST)) {
                    assertThat(published.isNull()).as("no report of " + m + " was made").isTrue();
                    continue;
                }
                JsonNode file = null;
                for (JsonNode st : summary(reports, m).path("stages")) {
                    if (st.path("stage").asText().equals(stage)) {
                        file = st;
                    }
                }
                assertThat(number(published.path("now"))).as(stage + " " + m)
                        .isEqualTo(number(file.path("chinaSharePercent")));
                assertThat(number(published.path("asAnnounced")))
                        .isEqualTo(number(file.path("projection").path("asAnnounced").path("chinaSharePercent")));
                assertThat(number(published.path("riskWeighted")))
                        .isEqualTo(number(file.path("projection").path("riskWeighted").path("chinaSharePercent")));
            }
        }
        // The manifest names each summary read, with the SHA-256 of the file as it is on disk.
        for (ReportManifest.SummaryRead read : manifest.summariesRead()) {
            Path file = reports.resolve(read.file());
            assertThat(file).isEqualTo(new ReportFiles(reports, ReportPeriod.parse(read.period())).summary());
            assertThat(read.sha256()).isEqualTo(ReportManifest.FileEntry.of(file).sha256());
        }
    }

    @Test
    void aLateFact_opensAGapAtItsMonthOnly(@TempDir Path other) throws Exception {
        TrackerDatabase tracker = TrackerDatabase.open(other.resolve("chokepoint.db"));
        Path out = other.resolve("reports");
        for (String month : List.of("2025-10", "2025-11")) {
            assertThat(new ReportJob(tracker).start(ReportPeriod.parse(month), out).status())
                    .isEqualTo(BatchStatus.COMPLETED);
        }
        // Iluka's Eneabba refinery (17,500 t REO, under construction) said to have started in November, recorded
        // after the November report: 17,500 t more outside China from November on.
        tracker.edits().addEvent("AU-ILUKA-01-SEP", new FieldInput(Map.of("date", "2025-11-15",
                "event", "operating_start", "status_after", "operating", "source", "https://example.org/late"),
                name -> name));
        assertThat(new ReportJob(tracker).start(ReportPeriod.parse("2025-12"), out).status())
                .isEqualTo(BatchStatus.COMPLETED);
        JsonNode trajectory = summary(out, YearMonth.of(2025, 12)).path("trajectory");
        JsonNode november = point(trajectory, "separation", YearMonth.of(2025, 11));
        double published = number(november.path("published").path("now"));
        double known = number(november.path("knownNow").path("now"));
        assertThat(published - known).as("the late plant lowers China's November share").isGreaterThan(0.5);
        assertThat(number(november.path("knownNow").path("now")))
                .isCloseTo(independentWithLate(YearMonth.of(2025, 11), other), within(0.01));
        for (YearMonth m : List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 12))) {
            JsonNode p = point(trajectory, "separation", m);
            for (String share : List.of("now", "asAnnounced", "riskWeighted")) {
                assertThat(number(p.path("published").path(share))).as(share + " " + m)
                        .isCloseTo(number(p.path("knownNow").path(share)), within(1e-9));
            }
        }
        // Before October no report was made: nothing published to compare.
        assertThat(point(trajectory, "separation", YearMonth.of(2025, 9)).path("published").isNull()).isTrue();
    }

    /** The sample's CSVs with the late event appended, read by {@link IndependentShares}. */
    private static double independentWithLate(YearMonth m, Path scratch) throws Exception {
        Path data = Files.createDirectories(scratch.resolve("data"));
        for (String name : List.of("projects.csv", "baselines.csv", "events.csv")) {
            Files.copy(SampleFiguresTest.SAMPLE_DATA.resolve(name), data.resolve(name));
        }
        String events = Files.readString(data.resolve("events.csv"));
        Files.writeString(data.resolve("events.csv"), (events.endsWith("\n") ? events : events + "\n")
                + "AU-ILUKA-01,2025-11-15,operating_start,operating,,,https://example.org/late,,,,,,,,,,,\n");
        return new IndependentShares(data).shares("separation", m).now();
    }

    @Test
    void workbookAndPdf_showTheSameTrajectoryAndTrackRecord() throws Exception {
        ReportFiles files = new ReportFiles(reports, new ReportPeriod(LAST));
        JsonNode json = summary(reports, LAST);
        JsonNode trajectory = json.path("trajectory");
        try (org.apache.poi.ss.usermodel.Workbook workbook = io.chokepoint.ReportFileReader.workbook(files.workbook())) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Trajectory");
            // One native line chart per stage, six series each (three shares, as known now and as published).
            List<org.apache.poi.xssf.usermodel.XSSFChart> charts = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet)
                    .getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(trajectory.path("stages").size());
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(6);
            int rows = 0;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                rows++;
                JsonNode point = point(trajectory, row.getCell(0).getStringCellValue(),
                        YearMonth.parse(row.getCell(1).getStringCellValue()));
                String[] shares = {"now", "asAnnounced", "riskWeighted"};
                for (int i = 0; i < 3; i++) {
                    Double known = number(point.path("knownNow").path(shares[i]));
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(2 + i);
                    if (known == null) {
                        assertThat(cell == null || cell.getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK).isTrue();
                    } else {
                        assertThat(cell.getNumericCellValue()).isCloseTo(known / 100, within(1e-12));
                    }
                }
            }
            assertThat(rows).isEqualTo(24 * trajectory.path("stages").size());
            org.apache.poi.ss.usermodel.Sheet record = workbook.getSheet("Track record");
            org.apache.poi.ss.usermodel.Row separation = io.chokepoint.ReportFileReader.row(record, "separation").orElseThrow();
            JsonNode sep = null;
            for (JsonNode st : json.path("trackRecord").path("stages")) {
                if (st.path("stage").asText().equals("separation")) {
                    sep = st;
                }
            }
            assertThat(separation.getCell(io.chokepoint.ReportFileReader.column(record, "Due: projects")).getNumericCellValue())
                    .isEqualTo(sep.path("due").path("projects").asInt());
            assertThat(separation.getCell(io.chokepoint.ReportFileReader.column(record, "Due: capacity")).getNumericCellValue())
                    .isEqualTo(sep.path("due").path("capacity").asDouble());
        }
        String pdf = io.chokepoint.ReportFileReader.pdfText(files.pdf()).replaceAll("\\s+", " ");
        assertThat(pdf).contains("Is it rebalancing? China's share over 24 months")
                .contains("separation: China's share, 2024-02 to 2026-01")
                .contains("Track record: what was due before 2026");
        // Page 1 says it in one sentence exactly when some stage's operating share of its due capacity is under half.
        for (YearMonth m : List.of(YearMonth.of(2025, 12), LAST)) {
            ReportFiles month = new ReportFiles(reports, new ReportPeriod(m));
            String firstPage;
            try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(month.pdf().toFile())) {
                org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setEndPage(1);
                firstPage = stripper.getText(document).replaceAll("\\s+", " ");
            }
            boolean lessThanHalf = false;
            for (JsonNode st : summary(reports, m).path("trackRecord").path("stages")) {
                lessThanHalf |= st.path("operatingSharePercent").isNumber()
                        && st.path("operatingSharePercent").asDouble() < 50;
            }
            assertThat(firstPage.contains("Track record: less than half of the disclosed capacity first due before "
                    + m.getYear() + " operates")).as(m.toString()).isEqualTo(lessThanHalf);
        }
    }

    // ---- track record ----

    /** What the CSVs say about projects due before {@code year}, on {@code day}. */
    private record Expected(Map<String, double[]> byOutcome, List<Integer> slips) {
    }

    private static Expected trackRecord(String stage, int year, LocalDate day) {
        Map<String, double[]> byOutcome = new HashMap<>();
        List<Integer> slips = new ArrayList<>();
        String unit = IndependentShares.unit(stage);
        for (Map<String, String> p : independent.projects()) {
            if (!p.get("stage").equals(stage)) {
                continue;
            }
            IndependentShares.State state = independent.state(p, day);
            if (!state.reported()) {
                continue;
            }
            List<Map<String, String>> known = new ArrayList<>();
            for (Map<String, String> e : independent.events()) {
                if (e.get("facility_id").equals(p.get("facility_id"))
                        && (!has(e, "stage") || e.get("stage").equals(stage)) && !date(e.get("date")).isAfter(day)) {
                    known.add(e);
                }
            }
            known.sort(Comparator.comparing(e -> date(e.get("date"))));
            Integer first = null;
            LocalDate operating = null;
            for (Map<String, String> e : known) {
                boolean typedYear = has(e, "target_year") && !e.get("target_year").equals("none");
                boolean expansion = operating != null && typedYear && "target".equals(e.get("capacity_basis"))
                        && has(e, "capacity_tpa");
                if (first == null && typedYear && !expansion) {
                    first = Integer.valueOf(e.get("target_year"));
                }
                if (operating == null && (e.get("event").equals("operating_start")
                        || "operating".equals(e.get("status_after")))) {
                    operating = date(e.get("date"));
                }
            }
            if (first == null && has(p, "target_year")) {
                first = Integer.valueOf(p.get("target_year"));
            }
            if (first == null || first >= year) {
                continue;
            }
            LocalDate asOf = date(p.get("status_as_of"));
            if (p.get("status").equals("operating") && asOf != null && !asOf.isAfter(day)
                    && (operating == null || asOf.isBefore(operating))) {
                operating = asOf;
            }
            String outcome = switch (state.status()) {
                case "operating" -> operating != null && operating.getYear() <= first ? "onTime" : "late";
                case "suspended", "cancelled" -> "suspendedOrCancelled";
                default -> "notYetOperating";
            };
            double[] t = byOutcome.computeIfAbsent(outcome, k -> new double[3]);
            t[0]++;
            if (state.tpa() != null && unit.equals(state.unit())) {
                t[1] += state.tpa();
            } else {
                t[2]++;
            }
            if (state.targetYear() != null && !state.targetYear().equals(first)) {
                slips.add(state.targetYear() - first);
            }
        }
        return new Expected(byOutcome, slips);
    }

    @Test
    void trackRecord_agreesWithACountFromTheCsvs() throws Exception {
        for (YearMonth m : List.of(YearMonth.of(2025, 12), LAST)) {
            JsonNode record = summary(reports, m).path("trackRecord");
            assertThat(record.path("year").asInt()).isEqualTo(m.getYear());
            assertThat(record.path("weights").path("financing").asDouble()).isEqualTo(0.6);
            int dueProjects = 0;
            for (JsonNode s : record.path("stages")) {
                String stage = s.path("stage").asText();
                Expected expected = trackRecord(stage, m.getYear(), m.atEndOfMonth());
                double dueTonnes = 0;
                double operatingTonnes = 0;
                for (String outcome : List.of("onTime", "late", "notYetOperating", "suspendedOrCancelled")) {
                    double[] t = expected.byOutcome().getOrDefault(outcome, new double[3]);
                    JsonNode actual = s.path(outcome);
                    assertThat(actual.path("projects").asInt()).as(stage + " " + outcome + " " + m).isEqualTo((int) t[0]);
                    assertThat(actual.path("capacity").asDouble()).as(stage + " " + outcome + " t " + m)
                            .isCloseTo(t[1], within(1e-6));
                    assertThat(actual.path("undisclosed").asInt()).isEqualTo((int) t[2]);
                    dueTonnes += t[1];
                    if (outcome.equals("onTime") || outcome.equals("late")) {
                        operatingTonnes += t[1];
                    }
                    dueProjects += (int) t[0];
                }
                assertThat(s.path("due").path("capacity").asDouble()).isCloseTo(dueTonnes, within(1e-6));
                if (dueTonnes > 0) {
                    assertThat(number(s.path("operatingSharePercent")))
                            .isCloseTo(100 * operatingTonnes / dueTonnes, within(1e-9));
                } else {
                    assertThat(s.path("operatingSharePercent").isNull()).isTrue();
                }
                List<Integer> slips = expected.slips().stream().sorted().toList();
                assertThat(s.path("targetMoved").asInt()).as(stage + " moved " + m).isEqualTo(slips.size());
                if (slips.isEmpty()) {
                    assertThat(s.path("medianSlipYears").isNull()).isTrue();
                } else {
                    int n = slips.size();
                    double median = n % 2 == 1 ? slips.get(n / 2) : (slips.get(n / 2 - 1) + slips.get(n / 2)) / 2.0;
                    assertThat(s.path("medianSlipYears").asDouble()).as(stage + " median slip " + m).isEqualTo(median);
                }
            }
            assertThat(dueProjects).as("the sample has projects due before " + m.getYear()).isGreaterThan(0);
        }
    }
}
