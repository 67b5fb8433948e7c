package io.chokepoint.report;

import java.util.Optional;

import io.chokepoint.summary.ProjectedShare;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.tracking.Baseline;

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
            return "no complete baseline";
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
}
