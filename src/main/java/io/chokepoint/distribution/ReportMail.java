package io.chokepoint.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.delivery.ReportMessage;
import io.chokepoint.report.Formats;
import io.chokepoint.report.PeriodSummary;
import io.chokepoint.report.PeriodSummary.ChangeFact;
import io.chokepoint.report.PeriodSummary.CountryFigures;
import io.chokepoint.report.PeriodSummary.ProjectedFigure;
import io.chokepoint.report.PeriodSummary.Published;
import io.chokepoint.report.PeriodSummary.Stage;
import io.chokepoint.report.ReportFiles;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * The mail that carries a period's PDF (and the workbook, when it is small enough to attach), with page 1 in its
 * body so that a reader has the news without opening the attachment: the headline, the stage table (China's share now with its basis and baseline, the target-year
 * projection as announced and risk-weighted, the published anchor, the change since last month) and the month's
 * changes, one sentence each. Rendered from the period summary ({@code summary-YYYY-MM.json}) only, as plain text
 * and as self-contained HTML (inline styles, table layout with fluid widths that fit a phone without media
 * queries, no remote content; every piece of data escaped). The
 * stages a stakeholder follows come first, then the others, then a line per country they follow. Immutable.
 */
public final class ReportMail {

    private static final String FONT = "font-family:Arial,Helvetica,sans-serif;";
    private static final String CELL = "padding:6px 8px;border-bottom:1px solid #dddddd;vertical-align:top;"
            + "word-wrap:break-word;overflow-wrap:break-word;"
            + "font-size:13px;line-height:18px;color:#222222;" + FONT;
    private static final String HEAD = "padding:6px 8px;border-bottom:2px solid #1f3a5f;text-align:left;"
            + "vertical-align:bottom;font-size:12px;line-height:16px;color:#1f3a5f;font-weight:bold;" + FONT;
    private static final String PARAGRAPH = "margin:0 0 12px 0;font-size:14px;line-height:20px;color:#222222;" + FONT;

    private static final long MB = 1024 * 1024;

    private final PeriodSummary summary;
    private final Path pdf;
    private final Optional<Workbook> workbook;

    /**
     * The period's workbook as the mail carries it: attached, or, when larger than the limit, named where it lies.
     *
     * @param shown where the body says it is, under the reports folder: {@code reports/2026-01/chokepoint-2026-01.xlsx}
     */
    private record Workbook(Path file, String shown, long bytes, boolean attached) {
    }

    /**
     * A mail with the PDF alone.
     *
     * @param summary the period summary the job wrote beside the PDF
     * @param pdf     the period's PDF, attached as it is on disk
     */
    public ReportMail(PeriodSummary summary, Path pdf) {
        this(summary, pdf, Optional.empty());
    }

    private ReportMail(PeriodSummary summary, Path pdf, Optional<Workbook> workbook) {
        this.summary = Objects.requireNonNull(summary, "summary");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.workbook = workbook;
    }

    /**
     * The mail of a period's files: the PDF, and the workbook beside it when it is at most
     * {@code maxAttachmentBytes} (a larger one is named in the body, with its path under the reports folder, so
     * that a mail server's size limit does not bounce the whole report). Without a workbook, the PDF alone.
     *
     * @throws java.io.UncheckedIOException if the workbook's size cannot be read
     */
    public static ReportMail of(PeriodSummary summary, ReportFiles files, long maxAttachmentBytes) {
        Path file = files.workbook();
        if (!Files.isRegularFile(file)) {
            return new ReportMail(summary, files.pdf());
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
        Path folder = files.reportsDir().toAbsolutePath().normalize().getFileName();
        String shown = (folder == null ? files.reportsDir().toAbsolutePath().normalize().toString() : folder.toString())
                + "/" + files.period() + "/" + file.getFileName();
        return new ReportMail(summary, files.pdf(),
                Optional.of(new Workbook(file, shown, bytes, bytes <= maxAttachmentBytes)));
    }

    /** E.g. {@code Chokepoint report 2025-12: rare-earth processing geography}. */
    public String subject() {
        return "Chokepoint report " + summary.period() + ": rare-earth processing geography";
    }

    /** The mail for one stakeholder. */
    public ReportMessage forStakeholder(Stakeholder stakeholder) {
        return message(subject(), "Hello " + stakeholder.name() + ",", null, stakeholder.stages(),
                stakeholder.countries());
    }

    /** A test mail (deliver --to): the same content, marked as a test, for no stakeholder in particular. */
    public ReportMessage test() {
        return message("[test] " + subject(), "Hello,", "This is a test message sent with chokepoint deliver --to;"
                + " it is not recorded as a delivery.", List.of(), List.of());
    }

    private ReportMessage message(String subject, String greeting, String note, List<ChainStage> stagesFollowed,
                                  List<Country> countriesFollowed) {
        Body body = new Body();
        body.paragraph(greeting);
        if (note != null) {
            body.paragraph(note);
        }
        body.paragraph("The Chokepoint report for " + summary.title() + " is attached (" + attachmentName()
                + "). All figures are as of " + summary.asOf() + ".");
        workbook.ifPresent(w -> body.paragraph(w.attached()
                ? "The workbook with every figure behind the report, " + w.file().getFileName() + ", is attached too."
                : "The workbook with every figure behind the report (" + w.file().getFileName() + ", " + size(w.bytes())
                + ") is too large to attach; it is in the reports folder at " + w.shown() + "."));
        body.heading("In brief");
        summary.headline().forEach(body::paragraph);

        body.heading("What moved in " + summary.title());
        if (summary.changes().isEmpty()) {
            body.paragraph("No changes were recorded this month.");
        } else if (summary.movers().isEmpty()) {
            body.list(summary.changes().stream().map(ChangeFact::sentence).toList());
        } else {
            body.list(summary.movers().stream().map(PeriodSummary.Mover::sentence).toList());
            int more = summary.changes().size() - summary.movers().size();
            if (more > 0) {
                body.paragraph(more + (more == 1 ? " more change is" : " more changes are")
                        + " listed in the PDF.");
            }
        }

        body.heading("Where each stage stands");
        List<Stage> followed = summary.stages().stream().filter(s -> stagesFollowed.contains(s.chainStage())).toList();
        List<Stage> others = summary.stages().stream().filter(s -> !stagesFollowed.contains(s.chainStage())).toList();
        List<StageRow> rows = new ArrayList<>();
        if (!followed.isEmpty()) {
            rows.add(StageRow.group("Stages you follow"));
            followed.forEach(s -> rows.add(row(s)));
            rows.add(StageRow.group("Other stages"));
        }
        others.forEach(s -> rows.add(row(s)));
        body.stageTable(rows, summary.targetYear(), summary.previousPeriod());
        List<String> differences = summary.stages().stream().flatMap(s -> s.differences().stream()).toList();
        if (!differences.isEmpty()) {
            body.paragraph("Where our figure and a published one differ:");
            body.list(differences);
        }

        if (!countriesFollowed.isEmpty()) {
            body.heading("Countries you follow");
            body.list(countriesFollowed.stream().map(this::countryLine).toList());
        }
        body.paragraph("How each number is made, and the source of every baseline figure, is in the PDF.");
        body.signature("Chokepoint: monthly report on rare-earth processing geography.");
        List<ReportMessage.Attachment> attachments = new ArrayList<>();
        attachments.add(new ReportMessage.Attachment(pdf, attachmentName(), ReportMessage.PDF));
        workbook.filter(Workbook::attached).ifPresent(w -> attachments.add(new ReportMessage.Attachment(w.file(),
                w.file().getFileName().toString(), ReportMessage.XLSX)));
        return new ReportMessage(subject, body.text(), body.html(subject), attachments);
    }

    /** E.g. {@code 14.2 MB}, or {@code 850 KB} under a megabyte. */
    private static String size(long bytes) {
        return bytes < MB ? Math.max(1, Math.round(bytes / 1024.0)) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private String attachmentName() {
        return pdf.getFileName().toString();
    }

    private StageRow row(Stage s) {
        String now;
        String baseline;
        if (s.chinaSharePercent() != null) {
            now = Formats.percent(s.chinaSharePercent()) + (s.basis() == null ? "" : " (basis: " + s.basis() + ")");
            baseline = s.baseline() == null ? "" : s.baseline().year()
                    + (s.baseline().source().isEmpty() ? "" : ", " + s.baseline().source())
                    + (s.baseline().publishedOn() == null ? "" : ", published " + s.baseline().publishedOn());
        } else {
            now = s.noBaseline() == null ? "no complete baseline" : s.noBaseline();
            baseline = s.publishedShare() == null ? "" : "published China share " + published(s.publishedShare());
        }
        String announced = s.projection() == null ? "n/a" : projected(s.projection().asAnnounced());
        String weighted = s.projection() == null ? "n/a" : projected(s.projection().riskWeighted());
        String anchor = s.publishedProjection() == null ? "none" : published(s.publishedProjection());
        String change = Formats.points(Optional.ofNullable(s.change().chinaSharePoints()));
        return new StageRow(s.stage(), s.chinaSharePercent() != null, now, baseline, announced, weighted, anchor,
                change);
    }

    private static String projected(ProjectedFigure p) {
        return p.text();
    }

    private static String published(Published p) {
        return (p.sharePercent() == null ? "n/a" : Formats.percent(p.sharePercent())) + " (" + p.year()
                + (p.source() == null || p.source().isEmpty() ? "" : ", " + p.source())
                + (p.publishedOn() == null ? "" : ", published " + p.publishedOn()) + ")";
    }

    private String countryLine(Country country) {
        List<String> parts = new ArrayList<>();
        for (Stage s : summary.stages()) {
            Optional<CountryFigures> figures = s.countries().stream().filter(c -> c.country().equals(country.code()))
                    .findFirst();
            if (figures.isEmpty()) {
                continue;
            }
            CountryFigures c = figures.get();
            StringBuilder part = new StringBuilder(s.stage());
            if (c.operatingSharePercent() != null) {
                part.append(" ").append(Formats.percent(c.operatingSharePercent())).append(" of operating capacity");
            }
            if (c.trackedProjects() > 0) {
                part.append(c.operatingSharePercent() != null ? ", " : " ").append(c.trackedProjects())
                        .append(c.trackedProjects() == 1 ? " tracked project" : " tracked projects")
                        .append(" (operating ").append(tally(c.operating(), s.unit()))
                        .append(", pipeline ").append(tally(c.pipeline(), s.unit())).append(")");
            }
            parts.add(part.toString());
        }
        String name = country.displayName() + " (" + country.code() + ")";
        return parts.isEmpty() ? name + ": no operating capacity or tracked projects in this period's report"
                : name + ": " + String.join("; ", parts);
    }

    private static String tally(PeriodSummary.Tally tally, String unit) {
        String text = Formats.capacity(tally.toCapacityTally());
        if (text.isEmpty()) {
            return "none";
        }
        return tally.projects() - tally.undisclosed() - tally.notComparable() > 0 ? text + " " + unit : text;
    }

    /** One row of the stage table, or (with only {@code stage} set) a heading row for a group of stages. */
    private record StageRow(String stage, boolean complete, String now, String baseline, String announced,
                            String weighted, String anchor, String change) {
        static StageRow group(String heading) {
            return new StageRow(heading, false, null, null, null, null, null, null);
        }

        boolean isGroup() {
            return now == null;
        }
    }

    /** Builds the plain text and the HTML side by side, escaping everything that goes into the HTML. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        void paragraph(String content) {
            text.append(content).append("\n\n");
            html.append("<p style=\"").append(PARAGRAPH).append("\">").append(Html.escape(content)).append("</p>\n");
        }

        void heading(String content) {
            text.append(content).append("\n").append("=".repeat(content.length())).append("\n\n");
            html.append("<h2 style=\"margin:20px 0 8px 0;font-size:17px;line-height:22px;color:#1f3a5f;")
                    .append(FONT).append("\">").append(Html.escape(content)).append("</h2>\n");
        }

        void list(List<String> items) {
            html.append("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">\n");
            for (String item : items) {
                text.append("- ").append(item).append('\n');
                html.append("<li style=\"").append(PARAGRAPH.replace("margin:0 0 12px 0", "margin:0 0 4px 0"))
                        .append("\">").append(Html.escape(item)).append("</li>\n");
            }
            html.append("</ul>\n");
            text.append('\n');
        }

        /**
         * The plain text has a line per stage. The HTML has a small two-column table per stage (label, figure),
         * one under the other: seven columns side by side would be about 660 px wide, wider than a phone, and a
         * layout switched by a media query is lost in the clients that drop {@code <style>}. Fluid widths alone
         * fit any screen, in every client.
         */
        void stageTable(List<StageRow> rows, int targetYear, String previousPeriod) {
            String[] labels = {"China share now", "Baseline (year, source)", targetYear + " as announced",
                    targetYear + " risk-weighted", "Published anchor", "Change since " + previousPeriod};
            for (StageRow row : rows) {
                if (row.isGroup()) {
                    text.append(row.stage()).append(":\n");
                    html.append("<p style=\"").append(PARAGRAPH.replace("margin:0 0 12px 0", "margin:4px 0 8px 0"))
                            .append("padding:6px 8px;font-weight:bold;background-color:#eef2f7;\">")
                            .append(Html.escape(row.stage())).append("</p>\n");
                    continue;
                }
                text.append("- ").append(row.stage()).append(": ");
                if (row.complete()) {
                    text.append("China share now ").append(row.now()).append("; baseline ").append(row.baseline())
                            .append("; ").append(targetYear).append(" as announced ").append(row.announced())
                            .append(", risk-weighted ").append(row.weighted())
                            .append("; published anchor: ").append(row.anchor())
                            .append("; change since ").append(previousPeriod).append(": ").append(row.change());
                } else {
                    text.append(row.now());
                    if (!row.baseline().isEmpty()) {
                        text.append("; ").append(row.baseline());
                    }
                    text.append("; published anchor: ").append(row.anchor());
                }
                text.append('\n');
                html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
                        + " width=\"100%\" style=\"border-collapse:collapse;table-layout:fixed;width:100%;"
                        + "max-width:100%;margin:0 0 16px 0;\">\n<tr><td colspan=\"2\" style=\"").append(HEAD)
                        .append("font-size:14px;line-height:18px;\">").append(Html.escape(row.stage()))
                        .append("</td></tr>\n");
                String[] figures = {row.now(), row.baseline(), row.announced(), row.weighted(), row.anchor(),
                        row.change()};
                String[] styles = {"font-weight:bold;", "color:#555555;", "", "", "color:#555555;", ""};
                for (int i = 0; i < labels.length; i++) {
                    if (figures[i].isEmpty()) {
                        continue;
                    }
                    html.append("<tr><td width=\"40%\" style=\"").append(CELL).append("width:40%;color:#555555;\">")
                            .append(Html.escape(labels[i])).append("</td><td style=\"").append(CELL).append(styles[i])
                            .append("\">").append(Html.escape(figures[i])).append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
            text.append('\n');
        }

        void signature(String content) {
            text.append("-- \n").append(content).append('\n');
            html.append("<p style=\"").append(PARAGRAPH).append("color:#666666;\">").append(Html.escape(content))
                    .append("</p>\n");
        }

        String text() {
            return text.toString();
        }

        String html(String title) {
            return "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + Html.escape(title) + "</title></head>\n"
                    + "<body style=\"margin:0;padding:0;background-color:#ffffff;\">\n"
                    + "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\">"
                    + "<tr><td align=\"center\" style=\"padding:16px;\">\n"
                    + "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\""
                    + " style=\"max-width:900px;\"><tr><td style=\"" + FONT
                    + "word-wrap:break-word;overflow-wrap:break-word;\">\n"
                    + html + "</td></tr></table>\n</td></tr></table>\n</body></html>\n";
        }
    }
}
