package io.chokepoint.report.excel;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.summary.Disclosure;
import io.chokepoint.summary.Sources;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The Projects sheet's rows and the Data gaps sheet's per-project rows of one period, written as the period's
 * projects go by, in their order: by the snapshot step on a fresh run (so the workbook does not read the period's
 * rows back and join them to their projects), else by the workbook from the rows read back. The Projects rows go to
 * a temporary file as sheet XML ({@link SheetXml}), which {@link StreamedWorkbook} puts into the sheet; the gap rows,
 * far fewer, to a second temporary file, as their seven texts, for the Data gaps sheet (which may continue on further
 * sheets). Both files are deleted by {@link #close}. Not thread-safe.
 */
public final class ProjectSheetRows implements Consumer<PeriodProject>, AutoCloseable {

    /** The style indices of the Projects rows' numbers and dates, as {@link Cells} makes them in a new workbook. */
    record Styles(int integer, int tonnes, int decimal, int date) {
        static Styles of(Cells cells) {
            return new Styles(cells.integer.getIndex(), cells.tonnes.getIndex(), cells.decimal.getIndex(),
                    cells.date.getIndex());
        }

        static Styles ofNewWorkbook() {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                return of(new Cells(workbook));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final ReportPeriod period;
    private final Map<ChainStage, String> units = new EnumMap<>(ChainStage.class);
    private final int firstRow;
    private final int lastRow;
    private final Styles styles;
    private final Path projectsFile;
    private final Path gapsFile;
    private final Writer projectsOut;
    private final SheetXml projects;
    private final DataOutputStream gapsOut;
    private int next;
    private long reported;
    private long gaps;
    private boolean finished;

    /**
     * Rows of the period's reported projects, the Projects sheet's from row index {@code firstRow} (after its
     * header) up to {@code lastRow}; past it only the gap rows are kept, and {@link #reachedLastRow} says so.
     */
    public static ProjectSheetRows start(ReportPeriod period, AnalysisSettings settings, int firstRow, int lastRow) {
        return new ProjectSheetRows(period, settings, firstRow, lastRow, Styles.ofNewWorkbook());
    }

    /** Rows of a workbook whose Projects sheet has Excel's limit and its header on the first row. */
    public static ProjectSheetRows start(ReportPeriod period, AnalysisSettings settings) {
        return start(period, settings, 1, ContinuedSheet.EXCEL_MAX_ROWS - 1);
    }

    private ProjectSheetRows(ReportPeriod period, AnalysisSettings settings, int firstRow, int lastRow,
                             Styles styles) {
        this.period = period;
        for (ChainStage stage : ChainStage.values()) {
            units.put(stage, settings.canonicalUnit(stage));
        }
        this.firstRow = firstRow;
        this.lastRow = lastRow;
        this.styles = styles;
        this.next = firstRow;
        Path p = null;
        Path g = null;
        try {
            p = Files.createTempFile("chokepoint-projects-", ".xml");
            g = Files.createTempFile("chokepoint-gaps-", ".bin");
            // Buffered as characters: the encoder then works on large blocks, not on each of the many small writes.
            projectsOut = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
            gapsOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(g), 1 << 16));
        } catch (IOException e) {
            deleteQuietly(p);
            deleteQuietly(g);
            throw new UncheckedIOException("cannot create the workbook's temporary files: " + e.getMessage(), e);
        }
        projectsFile = p;
        gapsFile = g;
        // A run that fails before the workbook is written leaves nothing behind once its JVM ends.
        p.toFile().deleteOnExit();
        g.toFile().deleteOnExit();
        projects = new SheetXml(projectsOut);
    }

    /** Adds a project of the period, in order; one not reported this period adds nothing. */
    @Override
    public void accept(PeriodProject snapshot) {
        if (!snapshot.current().reported()) {
            return;
        }
        reported++;
        if (next <= lastRow) {
            projects.startRow(next++);
            projectRow(snapshot);
            projects.endRow();
        }
        gapRows(snapshot);
    }

    /**
     * Whether these are the rows a Projects sheet of this period wants: from {@code firstRow} up to {@code lastRow},
     * all {@code reported} projects on it.
     */
    boolean fits(ReportPeriod period, int firstRow, int lastRow, long reported) {
        return this.period.equals(period) && this.firstRow == firstRow && this.lastRow == lastRow
                && this.reported == reported && !reachedLastRow();
    }

    /** Reported projects added, including those past the Projects sheet's last row. */
    public long reported() {
        return reported;
    }

    /** Whether more projects were added than the Projects sheet holds from its first row. */
    public boolean reachedLastRow() {
        return reported > lastRow - firstRow + 1;
    }

    /** The period these rows are of. */
    public ReportPeriod period() {
        return period;
    }

    int firstRow() {
        return firstRow;
    }

    /** The index of the Projects sheet's last row written (its header's, {@code firstRow - 1}, if none). */
    int lastWrittenRow() {
        return next - 1;
    }

    /** The writer of the Projects rows, which knows their extent. */
    SheetXml sheetXml() {
        return projects;
    }

    Styles styles() {
        return styles;
    }

    /** Ends the writing; the Projects rows are then in {@link #projectsXml}. */
    Path projectsXml() {
        finish();
        return projectsFile;
    }

    /** Each gap row added, in order, as its seven texts (kind, id, company, stage, country, status, missing). */
    void forEachGap(Consumer<String[]> sink) {
        finish();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(gapsFile), 1 << 16))) {
            for (long i = 0; i < gaps; i++) {
                String[] row = new String[7];
                for (int c = 0; c < row.length; c++) {
                    row[c] = readText(in);
                }
                sink.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the Data gaps rows: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            finish();
        } finally {
            deleteQuietly(projectsFile);
            deleteQuietly(gapsFile);
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try (Writer p = projectsOut; DataOutputStream g = gapsOut) {
            p.flush();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's temporary files: " + e.getMessage(), e);
        }
    }

    /** The Projects sheet's columns ({@link ExcelReportWriter#PROJECT_COLUMNS}) of one reported project. */
    private void projectRow(PeriodProject snapshot) {
        ProjectState s = snapshot.current();
        Project p = snapshot.project();
        projects.text(0, p.id());
        projects.text(1, p.facilityId());
        projects.text(2, p.company());
        projects.text(3, p.facility());
        projects.text(4, p.country().code());
        projects.text(5, p.region());
        projects.text(6, ProjectsCsv.owners(p));
        projects.text(7, p.stage().code());
        projects.text(8, s.status().code());
        projects.text(9, snapshot.previous().reported() ? snapshot.previous().status().code() : "");
        if (p.capacity() != null) {
            projects.number(10, p.capacity().tonnesPerYear(), styles.tonnes());
            projects.text(11, p.capacity().unit());
            projects.text(12, p.capacity().basis().code());
        }
        if (s.targetYear() != null) {
            projects.number(13, s.targetYear(), styles.integer());
        }
        projects.date(14, s.operatingSince(), styles.date());
        // As known then: the row's own money, its sources and its status date only where dated by the period's
        // end; its notes are the analyst's words of today, labelled as current notes.
        boolean rowKnown = p.statusAsOf() == null || !p.statusAsOf().isAfter(period.lastDay());
        if (p.investment() != null && rowKnown) {
            projects.number(15, p.investment().amount().doubleValue(), styles.tonnes());
            projects.text(16, p.investment().currency());
            if (p.investment().usdMillions() != null) {
                projects.number(17, p.investment().usdMillions(), styles.decimal());
            }
        }
        projects.date(18, p.announcedOn(), styles.date());
        projects.text(19, p.offtake());
        projects.text(20, p.offtakeBinding().code());
        projects.text(21, p.confidence());
        projects.number(22, Disclosure.of(p, s).score(), styles.integer());
        projects.text(23, Sources.datedBy(p.sources(), period.lastDay()));
        projects.text(24, p.notes());
        projects.text(25, p.capacity() != null ? "yes" : "no");
        projects.text(26, p.investment() != null && rowKnown ? "yes" : "no");
        projects.date(27, rowKnown ? p.statusAsOf() : null, styles.date());
    }

    /** A project's Data gaps rows: capacity in another unit, undisclosed facts, text too long for a cell. */
    private void gapRows(PeriodProject snapshot) {
        ProjectState s = snapshot.current();
        Project p = snapshot.project();
        String unit = units.get(p.stage());
        if (p.capacityInOtherUnitThan(unit)) {
            gap("unit", p, s, "capacity not in " + unit + ": counted, not summed");
        }
        List<String> missing = Disclosure.of(p, s).missing();
        if (!missing.isEmpty()) {
            gap("project", p, s, String.join(", ", missing));
        }
        String cut = ExcelReportWriter.cutText(List.of("id", "facility_id", "company", "facility", "region",
                "offtake", "confidence", "sources", "notes"), Arrays.asList(p.id(), p.facilityId(), p.company(),
                p.facility(), p.region(), p.offtake(), p.confidence(), p.sources(), p.notes()));
        if (!cut.isEmpty()) {
            gap("text cut", p, s, cut + " (" + ExcelReportWriter.PROJECTS + " sheet)");
        }
    }

    private void gap(String kind, Project p, ProjectState s, String what) {
        try {
            for (String text : new String[] {kind, p.id(), p.company(), p.stage().code(), p.country().code(),
                    s.status().code(), what}) {
                writeText(gapsOut, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook's temporary files: " + e.getMessage(), e);
        }
        gaps++;
    }

    /** Length-prefixed UTF-8, -1 for null (DataOutput.writeUTF stops at 65,535 bytes; a cell's text may be more). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("the Data gaps rows end early");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
