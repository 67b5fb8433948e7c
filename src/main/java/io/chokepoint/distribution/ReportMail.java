package io.chokepoint.distribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.delivery.ReportMessage;
import io.chokepoint.report.Formats;
import io.chokepoint.summary.Analysis;
import io.chokepoint.summary.CapacityTally;
import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.stakeholders.Stakeholder;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.ReportPeriod;

/**
 * The mail that carries a period's PDF: a subject naming the period, and a short text (plain and HTML) with the
 * headline numbers, China's share per stage now and projected, as in the PDF. The stages a stakeholder follows
 * come first, then the others, then a line per country they follow. Every piece of data put into the HTML is
 * escaped. Immutable.
 */
public final class ReportMail {

    private final ReportPeriod period;
    private final Analysis analysis;
    private final Path pdf;

    /**
     * @param analysis the period's analysis, built as the job built it for the PDF
     * @param pdf      the period's PDF, attached as it is on disk
     */
    public ReportMail(ReportPeriod period, Analysis analysis, Path pdf) {
        this.period = Objects.requireNonNull(period, "period");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.pdf = Objects.requireNonNull(pdf, "pdf");
    }

    /** E.g. {@code Chokepoint report 2025-12: rare-earth processing geography}. */
    public String subject() {
        return "Chokepoint report " + period + ": rare-earth processing geography";
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
        body.paragraph("The Chokepoint report for " + period.title() + " is attached (" + attachmentName()
                + "). All figures are as of " + period.lastDay() + ".");
        SupplyChainSummary summary = analysis.current();
        int targetYear = summary.settings().targetYear();
        body.paragraph("China's share of operating capacity by stage, now and projected for " + targetYear
                + " (risk-weighted by project status):");
        List<StageSummary> followed = summary.stages().stream().filter(s -> stagesFollowed.contains(s.stage()))
                .toList();
        List<StageSummary> others = summary.stages().stream().filter(s -> !stagesFollowed.contains(s.stage()))
                .toList();
        if (followed.isEmpty()) {
            body.list(null, others.stream().map(s -> stageLine(s, targetYear)).toList());
        } else {
            body.list("Stages you follow", followed.stream().map(s -> stageLine(s, targetYear)).toList());
            body.list("Other stages", others.stream().map(s -> stageLine(s, targetYear)).toList());
        }
        if (!countriesFollowed.isEmpty()) {
            body.list("Countries you follow", countriesFollowed.stream().map(c -> countryLine(summary, c)).toList());
        }
        body.paragraph("How each number is made, and the source of every baseline figure, is in the PDF.");
        body.signature("Chokepoint: monthly report on rare-earth processing geography.");
        return new ReportMessage(subject, body.text(), body.html(subject), pdf, attachmentName());
    }

    private String attachmentName() {
        return pdf.getFileName().toString();
    }

    private String stageLine(StageSummary s, int targetYear) {
        StringBuilder line = new StringBuilder(s.stage().code()).append(": ");
        if (s.hasCompleteBaseline()) {
            line.append("now ").append(Formats.percent(s.chinaSharePercent()))
                    .append(" (baseline ").append(s.baselineYear().get());
            analysis.chinaShareChange(s.stage()).ifPresent(change -> line.append(", ").append(points(change))
                    .append(" since ").append(period.previous()));
            line.append("); projected ").append(targetYear).append(": ")
                    .append(Formats.percent(s.projectedChinaSharePercent()));
            analysis.projectedShareChange(s.stage()).ifPresent(change -> line.append(" (").append(points(change))
                    .append(")"));
        } else {
            line.append("no complete baseline");
            s.publishedShare().ifPresent(b -> line.append("; published China share ")
                    .append(Formats.percent(b.sharePercent().getAsDouble())).append(" (").append(b.year())
                    .append(Optional.ofNullable(b.source()).map(source -> ", " + source).orElse("")).append(")"));
        }
        return line.toString();
    }

    private static String points(double change) {
        return Math.abs(change) < 0.05 ? "no change" : String.format(Locale.ENGLISH, "%+.1f pts", change);
    }

    private static String countryLine(SupplyChainSummary summary, Country country) {
        List<String> parts = new ArrayList<>();
        for (StageSummary s : summary.stages()) {
            Optional<CountryCapacity> capacity = s.countries().stream().filter(c -> c.country().equals(country))
                    .findFirst();
            Optional<CountryStageCell> cell = summary.cell(country, s.stage());
            if (capacity.isEmpty() && cell.isEmpty()) {
                continue;
            }
            StringBuilder part = new StringBuilder(s.stage().code());
            capacity.ifPresent(c -> part.append(" ").append(Formats.percent(c.sharePercent()))
                    .append(" of operating capacity"));
            cell.ifPresent(c -> part.append(capacity.isPresent() ? ", " : " ").append(c.projects())
                    .append(c.projects() == 1 ? " tracked project" : " tracked projects")
                    .append(" (operating ").append(tally(c.operating(), s.unit()))
                    .append(", pipeline ").append(tally(c.pipeline(), s.unit())).append(")"));
            parts.add(part.toString());
        }
        String name = country.displayName() + " (" + country.code() + ")";
        return parts.isEmpty() ? name + ": no operating capacity or tracked projects in this period's report"
                : name + ": " + String.join("; ", parts);
    }

    private static String tally(CapacityTally tally, String unit) {
        String text = Formats.capacity(tally);
        if (text.isEmpty()) {
            return "none";
        }
        return tally.comparable() > 0 ? text + " " + unit : text;
    }

    /** Builds the plain text and the HTML side by side, escaping everything that goes into the HTML. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        void paragraph(String content) {
            text.append(content).append("\n\n");
            html.append("<p>").append(Html.escape(content)).append("</p>\n");
        }

        void list(String heading, List<String> items) {
            if (heading != null) {
                text.append(heading).append(":\n");
                html.append("<p><strong>").append(Html.escape(heading)).append("</strong></p>\n");
            }
            html.append("<ul>\n");
            for (String item : items) {
                text.append("- ").append(item).append('\n');
                html.append("<li>").append(Html.escape(item)).append("</li>\n");
            }
            html.append("</ul>\n");
            text.append('\n');
        }

        void signature(String content) {
            text.append("-- \n").append(content).append('\n');
            html.append("<p style=\"color:#666666\">").append(Html.escape(content)).append("</p>\n");
        }

        String text() {
            return text.toString();
        }

        String html(String title) {
            return "<!DOCTYPE html>\n<html><head><meta charset=\"UTF-8\"><title>" + Html.escape(title)
                    + "</title></head>\n<body>\n" + html + "</body></html>\n";
        }
    }
}
