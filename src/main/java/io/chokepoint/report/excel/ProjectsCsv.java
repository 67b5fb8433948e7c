package io.chokepoint.report.excel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.chokepoint.summary.Disclosure;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.csv.FormulaText;
import io.chokepoint.tracking.PeriodProject;
import io.chokepoint.tracking.ProjectState;
import io.chokepoint.tracking.ReportPeriod;

/**
 * {@code projects-YYYY-MM.csv.gz}: every reported project of the period, with the Projects sheet's columns and
 * values, for a period with more projects than a sheet holds. RFC 4180 CSV in UTF-8, gzipped at the fastest level;
 * text that a spreadsheet would run as a formula gets a leading single quote, as in the tracker's CSV export. Not
 * thread-safe.
 */
final class ProjectsCsv implements AutoCloseable {

    private final Writer out;

    ProjectsCsv(OutputStream target, String[] header) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        this.out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
        line(Arrays.asList(header));
    }

    /** The file's name for a period. */
    static String fileName(ReportPeriod period) {
        return "projects-" + period + ".csv.gz";
    }

    static String owners(Project p) {
        return p.ownerCountries().stream().map(Object::toString).collect(Collectors.joining(";"));
    }

    /** One reported project, as its Projects sheet row. */
    void add(PeriodProject snapshot) {
        ProjectState s = snapshot.current();
        Project p = snapshot.project();
        line(Arrays.asList(p.id(), p.facilityId(), p.company(), p.facility(), p.country().code(), p.region(),
                owners(p), p.stage().code(), s.status().code(),
                snapshot.previous().reported() ? snapshot.previous().status().code() : "",
                p.capacity() == null ? null : number(p.capacity().tonnesPerYear()),
                p.capacity() == null ? null : p.capacity().unit(),
                p.capacity() == null ? null : p.capacity().basis().code(),
                s.targetYear() == null ? null : s.targetYear().toString(), date(s.operatingSince()),
                p.investment() == null ? null : p.investment().amount().toPlainString(),
                p.investment() == null ? null : p.investment().currency(),
                p.investment() == null || p.investment().usdMillions() == null ? null
                        : number(p.investment().usdMillions()),
                date(p.announcedOn()), p.offtake(), p.offtakeBinding().code(), p.confidence(),
                Integer.toString(Disclosure.of(p, s).score()), p.sources(), p.notes(),
                p.capacity() != null ? "yes" : "no", p.investment() != null ? "yes" : "no", date(p.statusAsOf())));
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private void line(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = values.get(i);
                if (v != null) {
                    out.write(field(v));
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the projects list: " + e.getMessage(), e);
        }
    }

    private static String field(String value) {
        String v = FormulaText.escape(value);
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** Finishes the gzip stream and closes the file's stream (closing it again, as its opener does, is harmless). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
