package io.chokepoint.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.chokepoint.summary.CountryCapacity;
import io.chokepoint.summary.CountryStageCell;
import io.chokepoint.summary.StageSummary;
import io.chokepoint.summary.SupplyChainSummary;
import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Country;

/**
 * What the charts of both formats draw, beyond the stage summaries themselves: capacity outside China by country
 * (now and risk-weighted in the target year), tracked capacity by country for a stage without a baseline, and
 * each chart's source line. Format-neutral, so the PDF and the workbook chart the same numbers.
 */
public final class ChartData {
    /** Countries shown in an ex-China or tracked-capacity chart; the rest are left to the tables. */
    public static final int MAX_COUNTRIES = 8;

    private ChartData() {
    }

    /** One country's capacity in a chart: now and in the target year (or operating and pipeline). */
    public record CountryBar(Country country, double first, double second) {
    }

    /**
     * Operating capacity outside China by named country, now and risk-weighted in the target year, largest in the
     * target year first, at most {@link #MAX_COUNTRIES}. The baseline's rest-of-world remainder and undisclosed
     * locations are not countries and are left out. Empty for a stage without a complete baseline.
     */
    public static List<CountryBar> exChina(StageSummary stage) {
        if (stage.projectedWeighted().isEmpty()) {
            return List.of();
        }
        Map<Country, double[]> byCountry = new TreeMap<>();
        for (CountryCapacity c : stage.countries()) {
            byCountry.computeIfAbsent(c.country(), k -> new double[2])[0] += c.total();
        }
        for (CountryCapacity c : stage.projectedWeighted().get().countries()) {
            byCountry.computeIfAbsent(c.country(), k -> new double[2])[1] += c.total();
        }
        return byCountry.entrySet().stream()
                .filter(e -> named(e.getKey()) && !e.getKey().equals(Country.CHINA))
                .filter(e -> e.getValue()[0] > 0 || e.getValue()[1] > 0)
                .map(e -> new CountryBar(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingDouble(CountryBar::second).reversed()
                        .thenComparing(CountryBar::country))
                .limit(MAX_COUNTRIES)
                .toList();
    }

    /**
     * For a stage without a complete baseline: the tracked projects' disclosed capacity by location, operating
     * and pipeline, largest first, at most {@link #MAX_COUNTRIES} (the tracker is not a census, so no share).
     */
    public static List<CountryBar> tracked(SupplyChainSummary summary, StageSummary stage) {
        return summary.cells().stream()
                .filter(c -> c.stage() == stage.stage())
                .filter(c -> c.operating().tonnes() > 0 || c.pipeline().tonnes() > 0)
                .map(c -> new CountryBar(c.country(), c.operating().tonnes(), c.pipeline().tonnes()))
                .sorted(Comparator.comparingDouble((CountryBar b) -> b.first() + b.second()).reversed()
                        .thenComparing(CountryBar::country))
                .limit(MAX_COUNTRIES)
                .toList();
    }

    /** Whether a stage has tracked capacity to chart although it has no complete baseline. */
    public static boolean hasTrackedCapacity(SupplyChainSummary summary, StageSummary stage) {
        return summary.cells().stream().filter(c -> c.stage() == stage.stage())
                .mapToDouble((CountryStageCell c) -> c.operating().tonnes() + c.pipeline().tonnes()).sum() > 0;
    }

    /** A country as a chart names it: a location left undisclosed is not a country either. */
    private static boolean named(Country country) {
        return !country.isRestOfWorld() && !country.equals(Country.UNDISCLOSED);
    }

    /**
     * The source line of a chart of the stage: its baseline set's year and publications, its published share's, or
     * the tracker alone; e.g. "Source: baseline 2024 (Reuters via energynews.oedigital 2024-08-20; …) + tracked
     * projects".
     */
    public static String sourceLine(StageSummary stage) {
        return sourceLine(stage, 2);
    }

    private static String sourceLine(StageSummary stage, int maxPublications) {
        if (stage.hasCompleteBaseline()) {
            return "Source: baseline " + stage.baselineYear().get() + " ("
                    + publications(stage.baselineRows(), maxPublications) + ") + tracked projects (Chokepoint tracker).";
        }
        if (stage.publishedShare().isPresent()) {
            Baseline b = stage.publishedShare().get();
            return "Source: published share " + b.year() + " (" + publications(List.of(b), maxPublications) + ").";
        }
        return "Source: tracked projects (Chokepoint tracker); not a census.";
    }

    /** The source line of a chart of several stages: each stage's, with its first publication, joined. */
    public static String sourceLine(List<StageSummary> stages) {
        Set<String> parts = new LinkedHashSet<>();
        for (StageSummary s : stages) {
            String line = sourceLine(s, 1).replace(" + tracked projects (Chokepoint tracker)", " + tracked");
            parts.add(s.stage().code() + ": " + line.substring("Source: ".length(), line.length() - 1));
        }
        return "Sources: " + String.join("; ", parts) + ".";
    }

    /** Distinct publications without their links; more than two are summarised. */
    private static String publications(List<Baseline> rows, int max) {
        Set<String> names = new LinkedHashSet<>();
        for (Baseline b : rows) {
            if (b.source() == null || b.source().isBlank()) {
                continue;
            }
            for (String item : b.source().split(" ; ")) {
                names.add(withoutLinks(item));
            }
        }
        if (names.isEmpty()) {
            return "no source recorded";
        }
        List<String> list = new ArrayList<>(names);
        if (list.size() <= max) {
            return String.join("; ", list);
        }
        return list.subList(0, max).stream().collect(Collectors.joining("; ")) + "; " + (list.size() - max) + " more";
    }

    /** A source item as a reader quotes it, without its link (the sources table and the workbook have those). */
    public static String withoutLinks(String source) {
        String text = source.replaceAll("https?://\\S+", "").replaceAll("\\s+;", ";").replaceAll("\\s{2,}", " ")
                .strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
