package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import jakarta.batch.runtime.BatchStatus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import io.chokepoint.ReportFileReader;
import io.chokepoint.TestTrackers;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.report.excel.ExcelReportWriter;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * A tracker made by the previous release (schema V5, loaded with that release's sample, whose events had no typed
 * columns and whose baselines no publication dates) upgrades in place when opened, keeps every row, and reports the
 * same stages and mining baseline as a tracker made fresh from today's sample (whose v3 data the old rows lack).
 */
class UpgradeFromV5Test {

    private static final ReportPeriod[] PERIODS = {ReportPeriod.parse("2025-12"), ReportPeriod.parse("2026-01")};
    /** The stage columns whose figures must agree. */
    private static final List<String> FIGURES = List.of("Baseline year", "China share", "Top-3 share", "HHI",
            "Ex-China operating capacity", "Projected China share 2030 (as announced)",
            "Projected China share 2030 (risk-weighted)", "Baseline published on",
            "Published China share 2030 (projection)", "Projection note");

    @TempDir
    Path dir;

    @Test
    void v5SampleTracker_upgradesWithItsRows_andReportsTheFreshFigures() throws Exception {
        Path old = dir.resolve("old/chokepoint.db");
        createV5Tracker(old);
        TestTrackers.Contents before = TestTrackers.contents(old);

        TrackerDatabase upgraded = TrackerDatabase.open(old);
        TrackerDatabase fresh = TrackerDatabase.open(dir.resolve("fresh/chokepoint.db"));

        Integer version = upgraded.jdbi().withHandle(h -> h.createQuery(
                "SELECT max(CAST(version AS REAL)) FROM flyway_schema_history WHERE success = 1").mapTo(Double.class)
                .one()).intValue();
        assertThat(version).isGreaterThanOrEqualTo(6);
        TestTrackers.Contents after = TestTrackers.contents(old);
        assertThat(after.projects()).isEqualTo(before.projects());
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(after.baselines()).isEqualTo(before.baselines());
        // The sample's typed facts reached the old rows: USAR Stillwater's slip is typed now.
        int usarTargetYear = upgraded.jdbi().withHandle(h -> h.createQuery("SELECT target_year FROM facility_event"
                + " WHERE facility_id = 'US-USAR-01' AND date = '2026-01-06'").mapTo(Integer.class).one());
        assertThat(usarTargetYear).isEqualTo(2026);

        for (ReportPeriod period : PERIODS) {
            assertThat(new ReportJob(upgraded).start(period, dir.resolve("old/reports")).status())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertThat(new ReportJob(fresh).start(period, dir.resolve("fresh/reports")).status())
                    .isEqualTo(BatchStatus.COMPLETED);
            // The embedded sample is the v3 data now (new projects, events and baselines the v5 tracker never
            // held), so the upgraded tracker no longer reports the fresh sample's figures; it reports its own rows,
            // on the same stages, baseline sets and settings wherever its baselines hold them.
            List<String> oldFigures = figures(new ReportFiles(dir.resolve("old/reports"), period));
            List<String> freshFigures = figures(new ReportFiles(dir.resolve("fresh/reports"), period));
            assertThat(oldFigures).hasSameSizeAs(freshFigures).isNotEmpty();
            assertThat(oldFigures.stream().filter(l -> l.startsWith("mining Baseline year")).toList())
                    .isEqualTo(freshFigures.stream().filter(l -> l.startsWith("mining Baseline year")).toList());
        }
    }

    /** Every stage's figures, as "stage column value" lines. */
    private static List<String> figures(ReportFiles files) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Workbook workbook = ReportFileReader.workbook(files.workbook())) {
            Sheet stages = workbook.getSheet(ExcelReportWriter.STAGES);
            for (Row row : stages) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                for (String header : FIGURES) {
                    Cell cell = row.getCell(ReportFileReader.column(stages, header));
                    lines.add(row.getCell(0).getStringCellValue() + " " + header + " " + (cell == null ? ""
                            : switch (cell.getCellType()) {
                                case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                                case STRING -> cell.getStringCellValue();
                                default -> "";
                            }));
                }
            }
        }
        return lines;
    }

    /** Builds the tracker as the previous release did: schema V5, then its sample rows, column for column. */
    private static void createV5Tracker(Path file) throws Exception {
        java.nio.file.Files.createDirectories(file.getParent());
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert(connection, "project", TestTrackers.fixture("v5-sample/projects.csv"));
            insert(connection, "facility_event", TestTrackers.fixture("v5-sample/events.csv"));
            insert(connection, "baseline", TestTrackers.fixture("v5-sample/baselines.csv"));
            connection.commit();
        }
    }

    private static void insert(Connection connection, String table, String csv) throws Exception {
        try (Reader in = new StringReader(csv);
             CSVParser parser = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<String> columns = parser.getHeaderNames();
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (CSVRecord record : parser) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = record.get(i);
                        statement.setString(i + 1, value.isEmpty() ? null : value);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }
}
