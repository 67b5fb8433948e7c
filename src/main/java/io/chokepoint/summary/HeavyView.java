package io.chokepoint.summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;

/**
 * A stage's heavy view (rules v3, "The heavy rare-earth chokepoint"): the projects that process heavy rare earths
 * ({@code heavy} and {@code both}), beside the all-REE figures.
 *
 * @param unit               the stage's heavy unit ({@code t Dy-Tb oxide} at separation); empty where none is
 *                           defined, so no heavy capacity there is ever summed
 * @param chinaSharePercent  China's heavy share: from a complete heavy baseline set, else the newest published one
 * @param shareRow           the row the share comes from: China's row of the set, or the published share-only row
 * @param sharePublished     whether the share is a published figure (no complete heavy set)
 * @param exChinaNow         operating ex-China capacity in the heavy unit; empty without a heavy unit
 * @param exChinaProjected   the same in the target year, as announced (same rules as the all-REE projection)
 * @param exChinaWeighted    the same, risk-weighted by status
 * @param countries          ex-China heavy capacity by country: now, target year as announced and risk-weighted
 * @param projects           the ex-China projects that would relieve it (alive: not cancelled, not suspended),
 *                           each with what it does not disclose; at most {@link #NAMED}, in id order
 * @param relieving          how many such projects there are in all
 * @param undisclosed        how many heavy-capable projects (of all ex-China alive ones) have no heavy capacity
 * @param notComparable      how many {@code heavy} projects state their capacity in another unit than the heavy unit
 */
public record HeavyView(ChainStage stage, Optional<String> unit, int targetYear, Optional<Double> chinaSharePercent,
                        Optional<Baseline> shareRow, boolean sharePublished, Optional<Double> exChinaNow,
                        Optional<Double> exChinaProjected, Optional<Double> exChinaWeighted,
                        List<CountryHeavy> countries, List<HeavyProject> projects, int relieving, int undisclosed,
                        int notComparable) {

    /** The stages with a heavy view. */
    public static final List<ChainStage> STAGES = List.of(ChainStage.SEPARATION, ChainStage.METAL, ChainStage.ALLOY,
            ChainStage.MAGNET);
    /** How many relieving projects are named. */
    public static final int NAMED = 40;

    public HeavyView {
        Objects.requireNonNull(stage, "stage");
        countries = List.copyOf(countries);
        projects = List.copyOf(projects);
    }

    /** Ex-China heavy capacity of one country. */
    public record CountryHeavy(Country country, double now, double projected, double weighted) {
    }

    /**
     * A heavy-view project outside China.
     *
     * @param heavyCapacity its capacity in the heavy unit, if it states one
     * @param capacityNote  how its capacity stands in the heavy view: "200 t Dy-Tb oxide", "heavy capacity
     *                      undisclosed (17,500 t REO)", "not comparable (t REO)"
     * @param missing       what it does not disclose (heavy capacity, target year, investment, binding offtake,
     *                      dated source)
     */
    public record HeavyProject(String id, String facility, Country country, String reeGroup, String status,
                               Integer targetYear, Double heavyCapacity, String capacityNote, List<String> missing) {
        public HeavyProject {
            missing = List.copyOf(missing);
        }
    }
}
