package io.chokepoint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code reports/index.html}: one static page for every period on disk, newest first, with its page-1 figures, links
 * to its files and archived versions and the run that made them, and the newest trajectory as inline SVG charts. It
 * is rebuilt from the summaries and manifests on disk (so the last writer wins and each writer leaves a complete page)
 * and replaced atomically. Self-contained: no script, font or style from the network; it opens from disk.
 */
public final class ArchivePage {

    /** The page's name in the reports folder. */
    public static final String FILE_NAME = "index.html";

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final String[] SERIES = {"now", "asAnnounced", "riskWeighted"};
    private static final String[] SERIES_LABEL = {"now", "2030 as announced", "2030 risk-weighted"};
    private static final String[] COLOUR = {"#1f4e79", "#c55a11", "#2e7d32"};

    private final Path reportsDir;

    public ArchivePage(Path reportsDir) {
        this.reportsDir = reportsDir;
    }

    /** Rewrites {@code index.html} atomically from what is on disk now; returns its path. */
    public Path write() {
        Path target = reportsDir.resolve(FILE_NAME);
        byte[] html = html().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, out -> out.write(html));
        return target;
    }

    /** One period's folder as the page shows it. */
    private record Period(String name, Optional<JsonNode> summary, Optional<ReportManifest> manifest,
                          List<String> files, List<Archived> archived) {
    }

    private record Archived(String executionId, List<String> files) {
    }

    String html() {
        List<Period> periods = periods();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Chokepoint reports</title>\n<style>\n")
                .append("*{box-sizing:border-box}")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;")
                .append("margin:0 auto;padding:12px;max-width:1100px;color:#1b1b1b;line-height:1.4}")
                .append("h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccd}")
                .append("h3{font-size:1.05em;margin:.8em 0 .3em}")
                .append("p,li,td,th{overflow-wrap:anywhere}")
                .append(".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:16px}")
                .append("figure{margin:0}figure svg{width:100%;height:auto;display:block}")
                .append("figcaption{font-size:.85em;color:#444}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9em;table-layout:fixed}")
                .append("th,td{border-bottom:1px solid #e3e3e8;padding:3px 4px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}")
                .append("ul.files{padding-left:1.1em}")
                .append(".key span{display:inline-block;margin-right:1em}")
                .append(".muted{color:#555;font-size:.9em}")
                .append("\n</style>\n</head>\n<body>\n<h1>Chokepoint: rare-earth processing capacity, by month</h1>\n");
        if (periods.isEmpty()) {
            h.append("<p>No report has been written yet.</p>\n");
        } else {
            h.append("<p class=\"muted\">").append(periods.size()).append(periods.size() == 1 ? " period" : " periods")
                    .append(", newest first. Shares are China's, in percent of the stage's capacity.</p>\n");
        }
        trajectory(h, periods);
        for (Period p : periods) {
            period(h, p);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private List<Period> periods() {
        if (!Files.isDirectory(reportsDir)) {
            return List.of();
        }
        List<Period> periods = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(reportsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory)
                    .filter(d -> PERIOD.matcher(d.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList()) {
                periods.add(period(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + reportsDir + ": " + e.getMessage(), e);
        }
        return periods.stream().filter(p -> p.summary().isPresent() || !p.files().isEmpty()).toList();
    }

    /** The lists a summary holds in full, which the page never shows: at a million projects, most of 130 MB. */
    private static final java.util.Set<String> NOT_SHOWN = java.util.Set.of("changes", "news", "attribution");

    /**
     * The summary's fields as a tree, without the lists the page never shows (skipped as they are read, not built):
     * reading the whole of a million projects' summary into a tree took 16 s and most of the heap.
     */
    private static JsonNode pageFields(Path summaryFile) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode fields = mapper.createObjectNode();
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(summaryFile.toFile())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IOException(summaryFile + " is not a JSON object");
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (NOT_SHOWN.contains(name)) {
                    parser.skipChildren();
                } else {
                    fields.set(name, mapper.readTree(parser));
                }
            }
            if (parser.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                throw new IOException(summaryFile + " ends before its last field"); // a cut file: no figures
            }
        }
        return fields;
    }

    private Period period(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Optional<JsonNode> summary = Optional.empty();
        Path summaryFile = dir.resolve("summary-" + name + ".json");
        if (Files.isRegularFile(summaryFile)) {
            try {
                summary = Optional.of(pageFields(summaryFile));
            } catch (IOException e) {
                summary = Optional.empty(); // listed with its files, without figures
            }
        }
        Optional<ReportManifest> manifest;
        try {
            manifest = ReportManifest.read(dir.resolve("manifest.json"));
        } catch (UncheckedIOException e) {
            manifest = Optional.empty();
        }
        List<Archived> archived = new ArrayList<>();
        Path archive = dir.resolve("archive");
        if (Files.isDirectory(archive)) {
            try (Stream<Path> versions = Files.list(archive)) {
                for (Path v : versions.filter(Files::isDirectory)
                        .sorted(Comparator.comparingLong(ArchivePage::number).reversed()).toList()) {
                    archived.add(new Archived(v.getFileName().toString(), files(v)));
                }
            }
        }
        return new Period(name, summary, manifest, files(dir), archived);
    }

    private static long number(Path dir) {
        try {
            return Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted(Comparator.comparing(ArchivePage::fileOrder)
                            .thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    /** PDF first, then the workbook, the summary, the project list and the manifest. */
    private static int fileOrder(String name) {
        return name.endsWith(".pdf") ? 0 : name.endsWith(".xlsx") ? 1 : name.startsWith("summary-") ? 2
                : name.startsWith("projects-") ? 3 : 4;
    }

    // ---- the trajectory ----

    private void trajectory(StringBuilder h, List<Period> periods) {
        Optional<Period> newest = periods.stream()
                .filter(p -> p.summary().map(s -> s.path("trajectory").isObject()).orElse(false)).findFirst();
        if (newest.isEmpty()) {
            return;
        }
        JsonNode trajectory = newest.get().summary().get().path("trajectory");
        h.append("<h2 id=\"trajectory\">Is it rebalancing? China's share over ")
                .append(trajectory.path("periods").size()).append(" months</h2>\n")
                .append("<p class=\"muted\">From the ").append(escape(newest.get().name()))
                .append(" report. Solid lines: as known now (recomputed from today's tracker); dashed lines with dots:")
                .append(" as each month's report published it. A gap between the two is what facts recorded late changed.</p>\n")
                .append("<p class=\"key\">");
        for (int i = 0; i < SERIES.length; i++) {
            h.append("<span><svg width=\"22\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"22\" y2=\"5\" stroke=\"")
                    .append(COLOUR[i]).append("\" stroke-width=\"3\"/></svg> ").append(SERIES_LABEL[i]).append("</span>");
        }
        h.append("</p>\n<div class=\"charts\">\n");
        for (JsonNode stage : trajectory.path("stages")) {
            h.append("<figure class=\"chart\" data-stage=\"").append(escape(stage.path("stage").asText())).append("\">\n");
            svg(h, stage);
            h.append("<figcaption>").append(escape(stage.path("stage").asText())).append(": China's share, ")
                    .append(escape(first(stage))).append(" to ").append(escape(last(stage))).append("</figcaption>\n</figure>\n");
        }
        h.append("</div>\n");
    }

    private static String first(JsonNode stage) {
        JsonNode points = stage.path("points");
        return points.isEmpty() ? "" : points.get(0).path("period").asText();
    }

    private static String last(JsonNode stage) {
        JsonNode points = stage.path("points");
        return points.isEmpty() ? "" : points.get(points.size() - 1).path("period").asText();
    }

    /** A line chart drawn by hand: y from the data's range (rounded out to 5 pp), one x step per period. */
    static void svg(StringBuilder h, JsonNode stage) {
        JsonNode points = stage.path("points");
        int n = points.size();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (JsonNode p : points) {
            for (String line : List.of("knownNow", "published")) {
                for (String s : SERIES) {
                    JsonNode v = p.path(line).path(s);
                    if (v.isNumber()) {
                        min = Math.min(min, v.asDouble());
                        max = Math.max(max, v.asDouble());
                    }
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 100;
        }
        double low = Math.max(0, Math.floor(min / 5) * 5 - (max - min < 1 ? 5 : 0));
        double high = Math.min(100, Math.ceil(max / 5) * 5 + (max - min < 1 ? 5 : 0));
        if (high <= low) {
            high = low + 5;
        }
        int width = 480;
        int height = 240;
        int left = 40;
        int right = 10;
        int top = 10;
        int bottom = 34;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        h.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">")
                .append("<title>").append(escape(stage.path("stage").asText())).append(": China's share by month</title>");
        // Grid and y labels every 5 pp (or 10 pp on a wide range).
        double step = high - low > 30 ? 10 : 5;
        for (double y = low; y <= high + 1e-9; y += step) {
            double py = top + plotH * (high - y) / (high - low);
            h.append("<line x1=\"").append(left).append("\" x2=\"").append(width - right).append("\" y1=\"")
                    .append(f(py)).append("\" y2=\"").append(f(py)).append("\" stroke=\"#e3e3e8\"/>")
                    .append("<text x=\"").append(left - 4).append("\" y=\"").append(f(py + 4))
                    .append("\" text-anchor=\"end\" fill=\"#555\">").append(String.format(Locale.ROOT, "%.0f", y))
                    .append("</text>");
        }
        for (int i = 0; i < n; i++) {
            if (i % 6 == (n - 1) % 6) {
                double px = x(i, n, left, plotW);
                h.append("<text x=\"").append(f(px)).append("\" y=\"").append(height - bottom + 16)
                        .append("\" text-anchor=\"").append(i == n - 1 ? "end" : i == 0 ? "start" : "middle")
                        .append("\" fill=\"#555\">")
                        .append(escape(points.get(i).path("period").asText())).append("</text>");
            }
        }
        for (int s = 0; s < SERIES.length; s++) {
            line(h, points, "knownNow", SERIES[s], COLOUR[s], false, low, high, left, top, plotW, plotH);
            line(h, points, "published", SERIES[s], COLOUR[s], true, low, high, left, top, plotW, plotH);
        }
        h.append("</svg>\n");
    }

    private static double x(int i, int n, int left, double plotW) {
        return n <= 1 ? left + plotW / 2 : left + plotW * i / (n - 1);
    }

    private static void line(StringBuilder h, JsonNode points, String which, String series, String colour,
                             boolean published, double low, double high, int left, int top, double plotW, double plotH) {
        int n = points.size();
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            JsonNode v = points.get(i).path(which).path(series);
            if (!v.isNumber()) {
                pen = false; // a month without a figure breaks the line: it is not drawn through a gap
                continue;
            }
            double px = x(i, n, left, plotW);
            double py = top + plotH * (high - v.asDouble()) / (high - low);
            path.append(pen ? " L" : " M").append(f(px)).append(' ').append(f(py));
            pen = true;
            if (published) {
                dots.append("<circle cx=\"").append(f(px)).append("\" cy=\"").append(f(py))
                        .append("\" r=\"3\" fill=\"").append(colour).append("\"><title>")
                        .append(escape(points.get(i).path("period").asText())).append(" published: ")
                        .append(String.format(Locale.ROOT, "%.2f %%", v.asDouble())).append("</title></circle>");
            }
        }
        if (path.length() > 0) {
            h.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"").append(published ? "1.5" : "2.5").append('"')
                    .append(published ? " stroke-dasharray=\"5 3\"" : "").append("/>");
        }
        h.append(dots);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    // ---- one period ----

    private void period(StringBuilder h, Period p) {
        h.append("<section class=\"period\" id=\"p").append(p.name()).append("\">\n<h2>");
        String title = p.summary().map(s -> s.path("title").asText(p.name())).orElse(p.name());
        h.append(escape(title)).append("</h2>\n");
        p.manifest().ifPresentOrElse(m -> h.append("<p class=\"muted\">Made by run (job execution) ")
                        .append(m.jobExecutionId()).append(".</p>\n"),
                () -> h.append("<p class=\"muted\">No manifest: these files may be incomplete (a run that did not finish).</p>\n"));
        p.summary().ifPresent(s -> figures(h, s));
        h.append("<h3>Files</h3>\n<ul class=\"files\">");
        for (String f : p.files()) {
            h.append("<li><a href=\"").append(escape(p.name() + "/" + f)).append("\">").append(escape(f)).append("</a></li>");
        }
        h.append("</ul>\n");
        if (!p.archived().isEmpty()) {
            h.append("<h3>Earlier versions</h3>\n<ul class=\"files\">");
            for (Archived a : p.archived()) {
                h.append("<li>run ").append(escape(a.executionId())).append(": ");
                List<String> links = new ArrayList<>();
                for (String f : a.files()) {
                    links.add("<a href=\"" + escape(p.name() + "/archive/" + a.executionId() + "/" + f) + "\">"
                            + escape(f) + "</a>");
                }
                h.append(String.join(", ", links)).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static void figures(StringBuilder h, JsonNode s) {
        for (JsonNode sentence : s.path("headline")) {
            h.append("<p>").append(escape(sentence.asText())).append("</p>\n");
        }
        int target = s.path("targetYear").asInt(2030);
        h.append("<table><thead><tr><th>Stage</th><th>Now</th><th>").append(target).append(" as announced</th><th>")
                .append(target).append(" risk-weighted</th><th>Change (pp)</th></tr></thead><tbody>");
        for (JsonNode stage : s.path("stages")) {
            h.append("<tr><td>").append(escape(stage.path("stage").asText())).append("</td><td>");
            JsonNode now = stage.path("chinaSharePercent");
            if (now.isNumber()) {
                h.append(percent(now));
            } else if (stage.path("publishedShare").isObject() && stage.path("publishedShare").path("sharePercent").isNumber()) {
                h.append(percent(stage.path("publishedShare").path("sharePercent"))).append(" (published, ")
                        .append(stage.path("publishedShare").path("year").asInt()).append(")");
            } else {
                h.append("n/a");
            }
            h.append("</td><td>").append(projection(stage.path("projection").path("asAnnounced")))
                    .append("</td><td>").append(projection(stage.path("projection").path("riskWeighted")))
                    .append("</td><td>");
            JsonNode change = stage.path("change").path("chinaSharePoints");
            h.append(change.isNumber() ? String.format(Locale.ROOT, "%+.2f", change.asDouble()) : "")
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static String projection(JsonNode figure) {
        if (figure.path("chinaSharePercent").isNumber()) {
            return percent(figure.path("chinaSharePercent"));
        }
        return figure.isObject() ? "not computable" : "";
    }

    private static String percent(JsonNode v) {
        return String.format(Locale.ROOT, "%.2f %%", v.asDouble());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
