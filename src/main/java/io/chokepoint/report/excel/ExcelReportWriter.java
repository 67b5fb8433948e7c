package io.chokepoint.report.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.chokepoint.report.AtomicFile;
import io.chokepoint.report.ChangeDetails;
import io.chokepoint.report.Formats;
import io.chokepoint.report.Methodology;
import io.chokepoint.report.Report;
import io.chokepoint.report.StageCitations;
import io.chokepoint.summary.AnalysisBuilder;
import io.chokepoint.summary.Attribution;
import io.chokepoint.summary.News;
import io.chokepoint.tracking.DatePrecision;
import io.chokepoint.summary.Change;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.Disclosure;
import io.chokepoint.summary.OwnerCell;
import io.chokepoint.summary.PipelineCell;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;

/**
 * Writes a period's report as an Excel workbook with Apache POI: the same numbers as the PDF, native charts,
 * and the full detail. All sheets but the small Summary and Trajectory are streamed (SXSSF), so a sheet costs memory
 * for a window of rows, not for every project; the Projects rows, the many, are written as sheet XML without a cell
 * object each ({@link ProjectSheetRows}), often by the snapshot step as the projects stream by.
 */
public final class ExcelReportWriter {

    /** Sheet names, as users and their scripts see them, in workbook order. */
    public static final String SUMMARY = "Summary";
    public static final String STAGES = "Stages";
    public static final String TRAJECTORY = TrajectorySheets.TRAJECTORY;
    public static final String TRACK_RECORD = TrajectorySheets.TRACK_RECORD;
    public static final String COUNTRY_STAGE = "Country × Stage";
    public static final String OWNERS = "Owners";
    public static final String PIPELINE = "Pipeline";
    public static final String CHANGES = "Changes";
    public static final String ATTRIBUTION = "Attribution";
    public static final String PROJECTS = "Projects";
    public static final String DATA_GAPS = "Data gaps";
    public static final String BASELINES = "Baselines";
    public static final String HEAVY = "Heavy";
    public static final String CONTROLS = "Controls";
    public static final String METHODOLOGY = "Methodology";

    /** Rows kept in memory per streamed sheet. */
    private static final int WINDOW = 200;

    /**
     * Rows per sheet, header included. The Projects sheet stops there (the full list then goes to
     * {@code projects-YYYY-MM.csv.gz}); Data gaps goes on in "Data gaps (2)", …
     */
    private final int maxRows;

    public ExcelReportWriter() {
        this(ContinuedSheet.EXCEL_MAX_ROWS);
    }

    /** With fewer rows per sheet than Excel's limit, so tests can see a list reach it. */
    ExcelReportWriter(int maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * Writes the workbook to {@code target}, and, when the period has more reported projects than its Projects sheet
     * holds, every project to {@code projects-YYYY-MM.csv.gz} beside it (else removes such a file left by an earlier
     * run). Each file appears under its final name only when complete.
     */
    public void write(Report report, Path target) {
        write(report, target, Optional.empty());
    }

    /**
     * As {@link #write(Report, Path)}, with the Projects and Data gaps rows already {@code written} as the period's
     * projects went by, when they fit this workbook (else they are written again from the report's rows). The
     * caller closes them.
     */
    public void write(Report report, Path target, Optional<ProjectSheetRows> written) {
        Path csvFile = target.resolveSibling(ProjectsCsv.fileName(report.period()));
        if (report.summary().reportedProjects() > maxRows - 1) {
            AtomicFile.write(csvFile, csvOut -> {
                try (ProjectsCsv csv = new ProjectsCsv(csvOut, PROJECT_COLUMNS)) {
                    writeWorkbook(report, target, csv, written);
                }
            });
        } else {
            try {
                java.nio.file.Files.deleteIfExists(csvFile);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot remove " + csvFile + ": " + e.getMessage(), e);
            }
            writeWorkbook(report, target, null, written);
        }
    }

    private void writeWorkbook(Report report, Path target, ProjectsCsv csv, Optional<ProjectSheetRows> written) {
        List<AutoCloseable> temporary = new ArrayList<>();
        try {
            AtomicFile.write(target, out -> {
                // Charts need the in-memory model; the Summary sheet is built there first, then streaming takes over.
                // One set of styles for every sheet: the Projects rows written beforehand use its indices.
                XSSFWorkbook template = new XSSFWorkbook();
                Cells cells = new Cells(template);
                new SummarySheet(template.createSheet(SUMMARY), cells, report).write();
                new TrajectorySheets(template, cells, report).write();
                try (StreamedWorkbook workbook = new StreamedWorkbook(template, WINDOW)) {
                    new Sheets(report, cells, workbook, maxRows, csv, written, temporary).writeAll();
                    PrintLayout.apply(workbook.getXSSFWorkbook(), SummarySheet.title(report),
                            java.util.Set.of(SUMMARY));
                    workbook.write(out);
                } catch (IOException | RuntimeException e) {
                    template.close();
                    throw e;
                }
            });
        } finally {
            closeAll(temporary);
        }
    }

    /** Closes each, all of them even if one fails. */
    private static void closeAll(List<AutoCloseable> temporary) {
        RuntimeException failed = null;
        for (AutoCloseable c : temporary) {
            try {
                c.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The Projects sheet's columns, also the header of {@code projects-YYYY-MM.csv.gz}. */
    static final String[] PROJECT_COLUMNS = {"Id", "Facility id", "Company", "Facility", "Country", "Region",
            "Owner country", "Stage", "Status", "Status last month", "Capacity (t/yr)", "Capacity unit",
            "Capacity basis", "Target year", "Operating since", "Investment", "Investment currency",
            "Investment (US$ m)", "Announced on", "Offtake", "Binding offtake", "Confidence", "Disclosure score",
            "Sources", "Notes (current)", "Capacity disclosed", "Investment disclosed", "Status as of"};

    /** The fields too long for a cell, as "notes: 40,000 characters, cut to 32,767"; empty if none. */
    static String cutText(List<String> names, List<String> values) {
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(i);
            if (value != null && value.length() > Cells.MAX_TEXT) {
                cut.add(String.format("%s: %,d characters, cut to %,d", names.get(i), value.length(),
                        Cells.MAX_TEXT));
            }
        }
        return String.join("; ", cut);
    }

    static String noBaselineNote(StageSummary s) {
        return s.noBaselineText() + s.publishedShare()
                .map(b -> "; published China share " + Formats.percent(b.sharePercent().getAsDouble()) + " (" + b.year() + ", "
                        + b.source() + ")")
                .orElse("");
    }

    /** The streamed sheets, in workbook order. */
    private static final class Sheets {
        private final Report report;
        private final Cells cells;
        private final StreamedWorkbook workbook;
        private final int maxRows;
        private final ProjectsCsv csv;
        private final Optional<ProjectSheetRows> written;
        /** Temporary rows this workbook wrote itself, closed once it is written. */
        private final List<AutoCloseable> temporary;

        Sheets(Report report, Cells cells, StreamedWorkbook workbook, int maxRows, ProjectsCsv csv,
               Optional<ProjectSheetRows> written, List<AutoCloseable> temporary) {
            this.report = report;
            this.cells = cells;
            this.workbook = workbook;
            this.maxRows = maxRows;
            this.csv = csv;
            this.written = written;
            this.temporary = temporary;
        }

        void writeAll() {
            stages(workbook.createSheet(STAGES));
            countryStage(workbook.createSheet(COUNTRY_STAGE));
            owners(workbook.createSheet(OWNERS));
            pipeline(workbook.createSheet(PIPELINE));
            changes(workbook.createSheet(CHANGES));
            attribution(workbook.createSheet(ATTRIBUTION));
            projectsAndDataGaps();
            baselines(workbook.createSheet(BASELINES));
            heavy(workbook.createSheet(HEAVY));
            controls(workbook.createSheet(CONTROLS));
            methodology(workbook.createSheet(METHODOLOGY));
        }

        private void stages(Sheet sheet) {
            int target = report.summary().settings().targetYear();
            cells.header(sheet, 0, "Stage", "Unit", "Baseline year", "China share", "Top-3 share", "HHI",
                    "Ex-China operating capacity", "Total operating capacity",
                    "Projected China share " + target + " (as announced)",
                    "Projected China share " + target + " (risk-weighted)",
                    "China share change since last month", "Projected share change since last month",
                    "Tracked operating projects", "Tracked operating capacity", "Tracked pipeline projects",
                    "Tracked pipeline capacity", "Not comparable projects", "Soft pipeline share (count)",
                    "Soft pipeline share (capacity)", "Note", "Tracked operating capacity disclosure",
                    "Tracked pipeline capacity disclosure", "Projection note", "Baseline source",
                    "Baseline published on", "Published China share " + target + " (projection)",
                    "Published projection source", "Share basis", "Top-3 countries", "Lower bound because");
            int r = 1;
            for (StageSummary s : report.summary().stages()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, s.stage().code());
                Cells.text(row, 1, s.unit());
                s.baselineYear().ifPresent(y -> Cells.number(row, 2, y, cells.integer));
                cells.share(row, 3, s.chinaSharePercent());
                cells.share(row, 4, s.top3SharePercent());
                Cells.number(row, 5, s.hhi(), cells.tonnes);
                Cells.number(row, 6, s.exChinaCapacity(), cells.tonnes);
                if (s.hasCompleteBaseline()) {
                    Cells.number(row, 7, s.totalOperating(), cells.tonnes);
                }
                cells.projection(row, 8, s.projected());
                cells.projection(row, 9, s.projectedWeighted());
                Cells.number(row, 10, report.analysis().chinaShareChange(s.stage()), cells.points);
                Cells.number(row, 11, report.analysis().projectedShareChange(s.stage()), cells.points);
                Cells.number(row, 12, s.trackedOperating().projects(), cells.integer);
                cells.capacity(row, 13, s.trackedOperating());
                Cells.number(row, 14, s.trackedPipeline().projects(), cells.integer);
                cells.capacity(row, 15, s.trackedPipeline());
                Cells.number(row, 16, s.notComparable(), cells.integer);
                cells.share(row, 17, s.softData().countSharePercent());
                cells.share(row, 18, s.softData().capacitySharePercent());
                Cells.text(row, 19, s.hasCompleteBaseline() ? "" : noBaselineNote(s));
                Cells.disclosure(row, 20, s.trackedOperating());
                Cells.disclosure(row, 21, s.trackedPipeline());
                // The projections stay numeric: why one is missing is said here, as text, never as 0.
                Cells.text(row, 22, s.projectionNotComputable() ? s.projected().get().notComputableText() : null);
                Cells.text(row, 23, StageCitations.baselineSource(s));
                s.baselinePublishedOn().ifPresent(d -> cells.date(row, 24, d));
                s.publishedProjection().ifPresent(b -> {
                    cells.share(row, 25, java.util.Optional.of(b.sharePercent().getAsDouble()));
                    Cells.text(row, 26, StageCitations.firstSource(b.source())
                            + (b.publishedOn() == null ? "" : ", published " + b.publishedOn()));
                });
                Cells.text(row, 27, StageCitations.basis(s));
                Cells.text(row, 28, s.top3SharePercent().isPresent() ? StageCitations.top3(s) : null);
                Cells.text(row, 29, StageCitations.lowerBoundReason(s));
            }
            Cells.wide(sheet, 60, 19);
            cells.table(sheet, 0, r - 1, STAGES);
        }

        private void countryStage(Sheet sheet) {
            cells.header(sheet, 0, "Country code", "Country", "Stage", "Projects", "Operating projects",
                    "Operating capacity", "Pipeline projects", "Pipeline capacity", "Unit",
                    "Capacity undisclosed (projects)", "Capacity not comparable (projects)");
            int r = 1;
            for (CountryStageCell c : report.summary().cells()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, c.country().code());
                Cells.text(row, 1, c.country().displayName());
                Cells.text(row, 2, c.stage().code());
                Cells.number(row, 3, c.projects(), cells.integer);
                Cells.number(row, 4, c.operating().projects(), cells.integer);
                cells.capacity(row, 5, c.operating());
                Cells.number(row, 6, c.pipeline().projects(), cells.integer);
                cells.capacity(row, 7, c.pipeline());
                Cells.text(row, 8, report.summary().settings().canonicalUnit(c.stage()));
                Cells.number(row, 9, c.operating().undisclosed() + c.pipeline().undisclosed(), cells.integer);
                Cells.number(row, 10, c.operating().notComparable() + c.pipeline().notComparable(), cells.integer);
            }
            cells.table(sheet, 0, r - 1, "CountryStage");
        }

        private void owners(Sheet sheet) {
            cells.header(sheet, 0, "Owner country code", "Owner country", "Stage", "Projects",
                    "Projects located abroad", "Operating projects", "Operating capacity", "Pipeline projects",
                    "Pipeline capacity", "Unit", "Operating capacity disclosure", "Pipeline capacity disclosure");
            int r = 1;
            for (OwnerCell c : report.summary().owners()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, c.owner().code());
                Cells.text(row, 1, c.owner().displayName());
                Cells.text(row, 2, c.stage().code());
                Cells.number(row, 3, c.projects(), cells.integer);
                Cells.number(row, 4, c.projectsAbroad(), cells.integer);
                Cells.number(row, 5, c.operating().projects(), cells.integer);
                cells.capacity(row, 6, c.operating());
                Cells.number(row, 7, c.pipeline().projects(), cells.integer);
                cells.capacity(row, 8, c.pipeline());
                Cells.text(row, 9, report.summary().settings().canonicalUnit(c.stage()));
                Cells.disclosure(row, 10, c.operating());
                Cells.disclosure(row, 11, c.pipeline());
            }
            cells.table(sheet, 0, r - 1, OWNERS);
        }

        private void pipeline(Sheet sheet) {
            cells.header(sheet, 0, "Stage", "Status", "Country code", "Country", "Projects", "Capacity", "Unit",
                    "Capacity undisclosed (projects)", "Capacity not comparable (projects)", "Risk weight");
            int r = 1;
            for (PipelineCell c : report.summary().pipeline()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, c.stage().code());
                Cells.text(row, 1, c.status().code());
                Cells.text(row, 2, c.country().code());
                Cells.text(row, 3, c.country().displayName());
                Cells.number(row, 4, c.tally().projects(), cells.integer);
                cells.capacity(row, 5, c.tally());
                Cells.text(row, 6, report.summary().settings().canonicalUnit(c.stage()));
                Cells.number(row, 7, c.tally().undisclosed(), cells.integer);
                Cells.number(row, 8, c.tally().notComparable(), cells.integer);
                Cells.number(row, 9, report.summary().settings().weight(c.status()), cells.weight);
            }
            cells.table(sheet, 0, r - 1, PIPELINE);
        }

        private void changes(Sheet sheet) {
            cells.header(sheet, 0, "Date", "Change", "Facility id", "Project ids", "Company", "Stages", "From", "To",
                    "Detail", "Source", "Recorded as event", "Kind", "Amount");
            int r = 1;
            ChangeDetails details = ChangeDetails.of(report);
            Map<FactDay, String> carriedAmounts = carriedAmounts();
            for (Change c : report.analysis().changes()) {
                Row row = sheet.createRow(r++);
                cells.date(row, 0, c.date());
                Cells.text(row, 1, c.kind());
                Cells.text(row, 2, c.facilityId());
                Cells.text(row, 3, String.join(", ", c.projectIds()));
                Cells.text(row, 4, c.company());
                Cells.text(row, 5, String.join(", ", c.stages().stream().map(s -> s.code()).toList()));
                Cells.text(row, 6, c.from());
                Cells.text(row, 7, c.to());
                Cells.text(row, 8, details.detail(c));
                Cells.text(row, 9, c.source());
                Cells.text(row, 10, c.fromEvent() ? "yes" : c.kind().equals(AnalysisBuilder.REVISION) ? "revision" : "no");
                Cells.text(row, 11, c.kind().equals(AnalysisBuilder.REVISION) ? "revision" : "change");
                // The typed amount of the event that carried the change, as the news rows show theirs.
                Cells.text(row, 12, carriedAmounts.getOrDefault(new FactDay(c.facilityId(), c.date()), ""));
            }
            // Every other event of the period is news: funding, offtakes, FID targets, results, site selections.
            for (News n : report.analysis().news()) {
                if (n.carriedChange()) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                cells.date(row, 0, n.date());
                Cells.text(row, 1, n.event().kind().code());
                Cells.text(row, 2, n.event().facilityId());
                Cells.text(row, 3, String.join(", ", n.projectIds()));
                Cells.text(row, 4, n.company());
                Cells.text(row, 5, String.join(", ", n.stages().stream().map(s -> s.code()).toList()));
                Cells.text(row, 8, (n.event().precision() == DatePrecision.DAY ? "" : n.dateLabel() + ": ")
                        + java.util.stream.Stream.of(n.event().value(), n.event().notes())
                        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" \u2014 ")));
                Cells.text(row, 9, n.sourceAsOf(report.asOf()));
                Cells.text(row, 10, "yes");
                Cells.text(row, 11, "news");
                Cells.text(row, 12, n.event().funding() == null ? "" : Formats.funding(n.event().funding()));
            }
            Cells.wide(sheet, 40, 3, 4, 8, 9);
            cells.table(sheet, 0, r - 1, CHANGES);
        }

        /** A facility's facts of one day. */
        private record FactDay(String facilityId, java.time.LocalDate date) {
        }

        /**
         * The amounts of the news items that carried a change, by facility and date, the first in news order for each:
         * looked up once per change (a scan of the news per change was 6 s at a million projects).
         */
        private Map<FactDay, String> carriedAmounts() {
            Map<FactDay, String> amounts = new java.util.HashMap<>();
            for (News n : report.analysis().news()) {
                if (n.carriedChange() && n.event().funding() != null) {
                    amounts.putIfAbsent(new FactDay(n.event().facilityId(), n.date()),
                            Formats.funding(n.event().funding()));
                }
            }
            return amounts;
        }

        /** Why each share moved: one row per part (the baseline, then each fact dated in the period). */
        private void attribution(Sheet sheet) {
            cells.header(sheet, 0, "Stage", "Share", "Part", "Fact", "Date", "Size (pp)");
            int r = 1;
            for (Attribution a : report.analysis().attribution()) {
                for (Attribution.Part p : a.parts()) {
                    Row row = sheet.createRow(r++);
                    Cells.text(row, 0, a.stage().code());
                    Cells.text(row, 1, a.share().label(a.targetYear()));
                    Cells.text(row, 2, p.baseline() ? "baseline" : "fact");
                    Cells.text(row, 3, p.fact());
                    if (p.date() != null) {
                        cells.date(row, 4, p.date());
                    }
                    Cells.number(row, 5, p.points(), cells.decimal);
                }
            }
            Cells.wide(sheet, 60, 3);
            cells.table(sheet, 0, Math.max(r - 1, 1), ATTRIBUTION);
        }

        /**
         * The Projects and Data gaps sheets, from one read of the period's rows: each row read goes to both. The
         * Projects sheet holds as many rows as a sheet can; when the period has more reported projects, its first
         * row says so and every project goes to {@code projects-YYYY-MM.csv.gz} beside the workbook too.
         */
        private void projectsAndDataGaps() {
            int reported = report.summary().reportedProjects();
            boolean overflow = reported > maxRows - 1;
            Sheet projects = workbook.createSheet(PROJECTS);
            int headerRow = overflow ? 1 : 0;
            int lastAllowed = maxRows - 1;
            if (overflow) {
                Cells.text(projects.createRow(0), 0, String.format("This sheet lists the first %,d of the %,d"
                        + " projects (Excel's row limit). All of them are in %s, beside this workbook.",
                        lastAllowed - headerRow, reported, ProjectsCsv.fileName(report.period())));
            }
            cells.header(projects, headerRow, PROJECT_COLUMNS);
            Cells.wide(projects, 40, 2, 3, 19, 23, 24);
            ContinuedSheet gaps = dataGapsSheet();
            temporary.add(gaps); // its rows are read when the workbook is written: closed after that
            ProjectSheetRows rows;
            ProjectSheetRows own = null;
            if (written.isPresent() && written.get().fits(report.period(), headerRow + 1, lastAllowed, reported)
                    && csv == null) {
                rows = written.get();
            } else {
                // Streamed, not listed in the summary: at a million projects there are tens of thousands of each.
                own = ProjectSheetRows.start(report.period(), report.summary().settings(), headerRow + 1, lastAllowed);
                rows = own;
                ProjectSheetRows sink = own;
                report.projects().forEach(snapshot -> {
                    sink.accept(snapshot);
                    if (overflow && snapshot.current().reported()) {
                        csv.add(snapshot);
                    }
                });
            }
            try {
                if (!rows.styles().equals(ProjectSheetRows.Styles.of(cells))) {
                    throw new IllegalStateException("the Projects rows were written with the styles " + rows.styles()
                            + ", the workbook has " + ProjectSheetRows.Styles.of(cells));
                }
                workbook.appendRows(PROJECTS, rows.projectsXml(), rows.sheetXml());
                cells.table(projects, headerRow, rows.lastWrittenRow(), PROJECTS);
                rows.forEachGap(gaps::row);
                finishDataGaps(gaps);
            } finally {
                // The workbook reads the Projects rows when it is written: they are closed after that.
                if (own != null) {
                    temporary.add(own);
                }
            }
        }


        private ContinuedSheet dataGapsSheet() {
            ContinuedSheet sheet = new ContinuedSheet(workbook, DATA_GAPS, maxRows, part -> {
                cells.header(part, 0, "Kind", "Id", "Company", "Stage", "Country", "Status", "Missing");
                Cells.wide(part, 40, 2);
                Cells.wide(part, 60, 6);
            });
            for (StageSummary s : report.summary().stages()) {
                if (!s.hasCompleteBaseline()) {
                    sheet.row("stage", null, null, s.stage().code(), null, null, noBaselineNote(s));
                }
            }
            return sheet;
        }


        private void finishDataGaps(ContinuedSheet sheet) {
            for (Change c : report.analysis().changes()) {
                String cut = cutText(List.of("detail", "source"), Arrays.asList(c.detail(), c.source()));
                if (!cut.isEmpty()) {
                    sheet.row("text cut", c.facilityId(), null, null, null, null,
                            cut + " (" + CHANGES + " sheet, " + c.date() + " " + c.kind() + ")");
                }
            }
            for (Baseline b : report.baselines()) {
                String cut = cutText(List.of("source", "notes"), Arrays.asList(b.source(), b.notes()));
                if (!cut.isEmpty()) {
                    sheet.row("text cut", null, null, b.stage().code(), b.country().code(), null,
                            cut + " (" + BASELINES + " sheet, " + b.year() + ")");
                }
            }
            sheet.finish((part, last) -> cells.table(part, 0, last, part.getSheetName()));
        }

        private void baselines(Sheet sheet) {
            cells.header(sheet, 0, "Country", "Stage", "Year", "Value (t/yr)", "Unit", "Basis", "Published share",
                    "Used this period", "Source", "Confidence", "Notes");
            int r = 1;
            for (Baseline b : report.baselines()) {
                if (!b.publishedBy(report.asOf())) {
                    continue; // as known then: a figure published after the period is not listed
                }
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, b.country().code());
                Cells.text(row, 1, b.stage().code());
                Cells.number(row, 2, b.year(), cells.integer);
                if (b.hasValue()) {
                    Cells.number(row, 3, b.valueTpa(), cells.tonnes);
                    Cells.text(row, 4, b.unit());
                }
                Cells.text(row, 5, b.basis());
                if (b.sharePercent().isPresent()) {
                    Cells.number(row, 6, b.sharePercent().getAsDouble() / 100, cells.percent);
                }
                Cells.text(row, 7, used(b) ? "yes" : "no");
                Cells.text(row, 8, b.source());
                Cells.text(row, 9, b.confidence());
                Cells.text(row, 10, b.notes());
            }
            Cells.wide(sheet, 50, 8, 10);
            cells.table(sheet, 0, r - 1, BASELINES);
        }

        private boolean used(Baseline b) {
            StageSummary s = report.summary().stage(b.stage());
            return s.baselineRows().contains(b) || s.publishedShare().equals(Optional.of(b));
        }

        /**
         * The heavy view: per stage, China's heavy share and its source, ex-China heavy capacity now and in the
         * target year; then one row per relieving project with what it does not disclose.
         */
        private void heavy(Sheet sheet) {
            int target = report.summary().settings().targetYear();
            cells.header(sheet, 0, "Stage", "Row", "Heavy unit", "China heavy share", "Share source",
                    "Share published on", "Ex-China heavy capacity now", "Ex-China heavy capacity " + target
                            + " (as announced)", "Ex-China heavy capacity " + target + " (risk-weighted)",
                    "Project", "Facility", "Country", "ree_group", "Status", "Target year", "Heavy capacity",
                    "Capacity in the heavy view", "Does not disclose");
            int r = 1;
            for (io.chokepoint.summary.HeavyView h : report.summary().heavy()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, h.stage().code());
                Cells.text(row, 1, "stage");
                Cells.text(row, 2, h.unit().orElse("none defined"));
                h.chinaSharePercent().ifPresent(v -> Cells.number(row, 3, v / 100, cells.percent));
                h.shareRow().ifPresent(b -> {
                    Cells.text(row, 4, (h.sharePublished() ? "published: " : "heavy set " + b.year() + ": ")
                            + StageCitations.firstSource(b.source()));
                    if (b.publishedOn() != null) {
                        cells.date(row, 5, b.publishedOn());
                    }
                });
                Cells.number(row, 6, h.exChinaNow(), cells.tonnes);
                Cells.number(row, 7, h.exChinaProjected(), cells.tonnes);
                Cells.number(row, 8, h.exChinaWeighted(), cells.tonnes);
                for (io.chokepoint.summary.HeavyView.HeavyProject p : h.projects()) {
                    Row pr = sheet.createRow(r++);
                    Cells.text(pr, 0, h.stage().code());
                    Cells.text(pr, 1, "project");
                    Cells.text(pr, 2, h.unit().orElse("none defined"));
                    Cells.text(pr, 9, p.id());
                    Cells.text(pr, 10, p.facility());
                    Cells.text(pr, 11, p.country().code());
                    Cells.text(pr, 12, p.reeGroup());
                    Cells.text(pr, 13, p.status());
                    if (p.targetYear() != null) {
                        Cells.number(pr, 14, p.targetYear(), cells.integer);
                    }
                    if (p.heavyCapacity() != null) {
                        Cells.number(pr, 15, p.heavyCapacity(), cells.tonnes);
                    }
                    Cells.text(pr, 16, p.capacityNote());
                    Cells.text(pr, 17, String.join(", ", p.missing()));
                }
            }
            Cells.wide(sheet, 40, 4, 10, 16, 17);
            cells.table(sheet, 0, r - 1, HEAVY);
        }

        /** The controls with their state on the period's last day (dates as dates), and each stage's exposure. */
        private void controls(Sheet sheet) {
            io.chokepoint.summary.ControlsView view = report.summary().controls();
            cells.header(sheet, 0, "Id", "Country", "Authority", "Measure", "Elements", "Forms", "Scope",
                    "Announced on", "Effective on", "Suspended on", "Suspended until", "Lifted on",
                    "State on " + view.day(), "Changed this month", "Exposure of", "Source");
            int r = 1;
            for (io.chokepoint.summary.ControlsView.ControlState s : view.controls()) {
                io.chokepoint.tracking.ExportControl c = s.control();
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, c.id());
                Cells.text(row, 1, c.country().code());
                Cells.text(row, 2, c.authority());
                Cells.text(row, 3, c.measure());
                Cells.text(row, 4, c.elements().isEmpty() ? "" : String.join(", ", c.elements()));
                Cells.text(row, 5, String.join(", ", c.forms().stream()
                        .map(io.chokepoint.tracking.ExportControl.Form::code).toList()));
                Cells.text(row, 6, c.scope().code());
                java.time.LocalDate[] dates = {c.announcedOn(), c.effectiveOn(), c.suspendedOn(), c.suspendedUntil(),
                        c.liftedOn()};
                for (int i = 0; i < dates.length; i++) {
                    if (dates[i] != null) {
                        cells.date(row, 7 + i, dates[i]);
                    }
                }
                Cells.text(row, 12, s.state().text());
                Cells.text(row, 13, String.join("; ", view.changes().stream().filter(x -> x.control().equals(c))
                        .map(io.chokepoint.report.HeavyBlock::change).toList()));
                Cells.text(row, 14, String.join(", ", view.exposure().stream()
                        .filter(e -> e.exposures().stream().anyMatch(x -> x.controlIds().contains(c.id())))
                        .map(e -> e.stage().code() + (e.view().equals("all") ? "" : " (" + e.view() + ")")).toList()));
                Cells.text(row, 15, c.source());
            }
            Cells.wide(sheet, 50, 3, 15);
            cells.table(sheet, 0, r - 1, CONTROLS);
            // The exposure below the table, as its own block.
            r += 1;
            int exposureHeader = r;
            cells.blockHeader(sheet, r++, "Stage", "View", "Exposure", "Controls in force",
                    "Procurement (listed, not counted)");
            for (io.chokepoint.summary.ControlsView.StageExposure e : view.exposure()) {
                Row row = sheet.createRow(r++);
                Cells.text(row, 0, e.stage().code());
                Cells.text(row, 1, e.view());
                Cells.text(row, 2, e.text());
                Cells.text(row, 3, String.join(", ", e.exposures().stream()
                        .flatMap(x -> x.controlIds().stream()).toList()));
                Cells.text(row, 4, String.join(", ", e.procurement().stream()
                        .map(p -> p.control().id() + " (" + p.state().text() + ")").toList()));
            }
            cells.table(sheet, exposureHeader, r - 1, "Exposure");
        }

        private void methodology(Sheet sheet) {
            cells.header(sheet, 0, "Methodology");
            Cells.wide(sheet, 150, 0);
            int r = 1;
            for (String statement : Methodology.statements(report)) {
                cells.wrapped(sheet.createRow(r++), 0, statement);
            }
            cells.table(sheet, 0, r - 1, METHODOLOGY);
        }
    }
}
