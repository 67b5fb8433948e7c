package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Country;

/**
 * What every format says beside a stage's numbers: which baseline they rest on (its year, the publication and when
 * it was published), the projection or why it cannot be computed, and the published projection quoted beside ours.
 * Format-neutral, so the PDF and the workbook cite the same way.
 */
public final class StageCitations {

    private StageCitations() {
    }

    /** The baseline set's year and publication, e.g. "2024, USGS MCS 2025 via nai500, published 2025-01-31". */
    public static String baseline(StageSummary s) {
        if (s.baselineYear().isEmpty()) {
            return s.noBaselineText();
        }
        StringBuilder text = new StringBuilder().append(s.baselineYear().get());
        s.baselineCitation().map(b -> firstSource(b.source())).filter(t -> !t.isEmpty())
                .ifPresent(t -> text.append(", ").append(t));
        s.baselinePublishedOn().ifPresent(d -> text.append(", published ").append(d));
        return text.toString();
    }

    /** The publication of the baseline set, without its year and date; empty without a complete baseline. */
    public static String baselineSource(StageSummary s) {
        return s.baselineCitation().map(b -> firstSource(b.source())).orElse("");
    }

    /** A projection's China share, or "not computable (n projects, capacity undisclosed)". */
    public static String projection(Optional<ProjectedShare> projection) {
        if (projection.isEmpty()) {
            return "n/a";
        }
        ProjectedShare p = projection.get();
        return p.computable() ? Formats.percent(p.chinaSharePercent()) : p.notComputableText();
    }

    /** The published projection for the target year, e.g. "54.0 % (2030, SEAISI (IEA …) 2024-06-03)"; "" if none. */
    public static String publishedProjection(StageSummary s) {
        return s.publishedProjection().map(StageCitations::share).orElse("");
    }

    /** A published share with its year and publication. */
    public static String share(Baseline b) {
        return Formats.percent(b.sharePercent().orElse(Double.NaN)) + " (" + b.year() + ", " + firstSource(b.source())
                + (b.publishedOn() == null ? "" : ", published " + b.publishedOn()) + ")";
    }

    /** The first item of a sources field, without its link: "Publication YYYY-MM-DD". */
    public static String firstSource(String sources) {
        if (sources == null || sources.isBlank()) {
            return "";
        }
        String first = sources.split(" ; ")[0];
        return first.replaceAll("https?://\\S+", "").replaceAll("\\s{2,}", " ").strip();
    }

    /**
     * What the stage's share is a share of, from its baseline rows' bases: "output", "quota", or China's and the
     * rest of the world's when they differ ("China: quota; rest of world: derived from a share").
     */
    public static String basis(StageSummary s) {
        if (s.baselineRows().isEmpty()) {
            return "";
        }
        String china = s.baselineRows().stream().filter(b -> b.country().equals(Country.CHINA))
                .map(b -> basisWords(b.basis())).findFirst().orElse("");
        Set<String> others = s.baselineRows().stream()
                .filter(b -> !b.country().equals(Country.CHINA))
                .map(b -> basisWords(b.basis())).collect(Collectors.toCollection(TreeSet::new));
        if (others.isEmpty() || (others.size() == 1 && others.contains(china))) {
            return china;
        }
        return "China: " + china + "; others: " + String.join(", ", others);
    }

    private static String basisWords(String basis) {
        return basis == null ? "unknown" : basis.equals("derived_from_share") ? "derived from a share" : basis;
    }

    /**
     * The top three named countries and their share, marked "≥" (a lower bound) when the baseline lumps the rest
     * of the world together: e.g. "China, United States, Myanmar ≥ 89.7 %".
     */
    public static String top3(StageSummary s) {
        if (s.top3SharePercent().isEmpty()) {
            return "n/a";
        }
        String names = s.countries().stream().filter(c -> !c.country().isRestOfWorld()).limit(3)
                .map(c -> c.country().displayName()).collect(Collectors.joining(", "));
        return names + (restOfWorldPercent(s) > 0 ? " \u2265 " : " ") + Formats.percent(s.top3SharePercent());
    }

    /** Why top-3 and HHI are lower bounds, when they are: "" otherwise. */
    public static String lowerBoundReason(StageSummary s) {
        double rest = restOfWorldPercent(s);
        return rest > 0 ? "The baseline does not break down the rest of the world (" + Formats.percent(rest)
                + "), so top-3 and HHI are lower bounds." : "";
    }

    private static double restOfWorldPercent(StageSummary s) {
        return s.countries().stream().filter(c -> c.country().isRestOfWorld())
                .mapToDouble(CountryCapacity::sharePercent).sum();
    }

    /**
     * One line for each figure of the stage that a published figure contradicts, saying why they differ (basis,
     * year or publisher); empty when they agree (to 0.1 pp) or nothing was published.
     */
    public static List<String> differences(StageSummary s, int targetYear) {
        List<String> lines = new ArrayList<>();
        Optional<Baseline> chinaRow = s.baselineRows().stream()
                .filter(b -> b.country().equals(Country.CHINA) && b.sharePercent().isPresent())
                .findFirst();
        if (chinaRow.isPresent() && s.chinaSharePercent().isPresent()
                && Math.abs(chinaRow.get().sharePercent().getAsDouble() - s.chinaSharePercent().get()) >= 0.05) {
            Baseline published = chinaRow.get();
            List<String> why = new ArrayList<>();
            s.baselineRows().stream().filter(b -> b.country().isRestOfWorld()).findFirst().ifPresent(rest -> {
                if (!firstSource(rest.source()).equals(firstSource(published.source()))) {
                    why.add("the rest of the world comes from another publisher (" + firstSource(rest.source()) + ")");
                }
                if (!Objects.equals(rest.basis(), published.basis())) {
                    why.add("on another basis (" + basisWords(rest.basis()) + ")");
                }
            });
            if (s.additions() > 0) {
                why.add(s.additions() + " tracked project" + (s.additions() == 1 ? "" : "s")
                        + " that started operating after " + s.baselineYear().orElse(published.year()) + " added");
            }
            lines.add(s.stage().code() + ": " + Formats.percent(s.chinaSharePercent()) + " here, "
                    + Formats.percent(published.sharePercent().getAsDouble()) + " published (" + published.year()
                    + ", " + firstSource(published.source()) + ")" + (why.isEmpty() ? "." : ": " + String.join(", ", why)
                    + "."));
        }
        Optional<Baseline> anchor = s.publishedProjection();
        Optional<Double> ours = s.projectedChinaSharePercent();
        if (anchor.isPresent() && ours.isPresent()
                && Math.abs(anchor.get().sharePercent().getAsDouble() - ours.get()) >= 0.05) {
            lines.add(s.stage().code() + " " + targetYear + ": " + Formats.percent(ours) + " risk-weighted here, "
                    + Formats.percent(anchor.get().sharePercent().getAsDouble()) + " published ("
                    + firstSource(anchor.get().source()) + "): a different publisher and method; ours adds the "
                    + "tracked projects due by " + targetYear + " to the " + s.baselineYear().map(String::valueOf)
                    .orElse("") + " baseline, weighted by status.");
        } else if (anchor.isPresent() && s.projectionNotComputable()) {
            lines.add(s.stage().code() + " " + targetYear + ": ours is not computable (no tracked project due by "
                    + targetYear + " discloses a capacity); the published projection is "
                    + Formats.percent(anchor.get().sharePercent().getAsDouble()) + " (" + firstSource(anchor.get().source())
                    + ").");
        }
        return lines;
    }
}
