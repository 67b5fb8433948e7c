package io.chokepoint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.ProjectStatus;

/**
 * The methodology statements printed in both the workbook and the PDF, so the two always explain the numbers
 * the same way, including the settings values the run used.
 */
public final class Methodology {
    private Methodology() {
    }

    public static List<String> statements(Report report) {
        AnalysisSettings settings = report.summary().settings();
        List<String> s = new ArrayList<>();
        s.add("Every number is as of the period's last day (" + report.asOf() + "). A project's state on that day "
                + "is derived from its dated events and its own status up to that day, so any past month can be "
                + "reported again and month-over-month change is computed, not remembered. A project with no dated "
                + "evidence by that day is not in the report, except a long-established facility (operating, no "
                + "announcement date), which counts as operating throughout.");
        s.add("Operating capacity by country starts from the latest complete baseline set for the stage (a stage "
                + "and year with a rest-of-world row) no later than the period's year. It already holds everything "
                + "producing in that year. Tracked projects in the stage's unit that started operating after that "
                + "year (an operating-start event, or the first event leaving them operating, else a target year "
                + "after it) are added on top; other operating projects are taken to be inside the baseline.");
        s.add("Baselines are output or quota figures; projects are nameplate capacity. Mixing the two overstates "
                + "new capacity against old, so shares moved by additions are an upper bound for the newcomers.");
        s.add("A stage without a complete baseline set gets no computed share: the report shows its tracked "
                + "capacity and quotes the latest published China share with its source and year. The project list "
                + "is not a census, so shares are never computed from project sums.");
        s.add("Rest of world (XX) is a remainder, not a country: it is never one of the top three, and it counts as "
                + "fragmented in the HHI (it adds nothing), so the HHI is a lower bound. HHI is the sum of squared "
                + "percentage shares, 0 to 10,000; above 2,500 is highly concentrated.");
        s.add("The projected share in " + settings.targetYear() + " adds, to operating capacity, tracked projects "
                + "not yet operating whose target year is no later. As announced: every live pipeline project in "
                + "full (suspended and cancelled ones left out). Risk-weighted: each project times the weight of "
                + "its status. Projects without a target year are left out of both and listed as data gaps.");
        s.add("Risk weights used: " + weights(settings) + ".");
        s.add("Canonical units used: " + units(settings) + ". Capacity in any other unit is counted and listed "
                + "as not comparable, never summed; undisclosed capacity is shown as undisclosed, never as zero.");
        s.add("Solid vs soft: each project's disclosure score counts, from 0 to 5, which of five facts it "
                + "discloses: a capacity, an investment figure, a target year, a binding offtake and a dated source "
                + "(a source item with a full YYYY-MM-DD date). A project scoring less than 5 is soft. The soft share "
                + "of a stage's pipeline is given by count and by disclosed capacity, and the pipeline's projects by "
                + "score.");
        s.add("Changes list every event dated in the period, plus changes the tracker shows without an event "
                + "(a project newly in the report, a status or target year that moved between the previous "
                + "period's last day and this one's). The change in China share compares this period with the "
                + "previous one recomputed from today's data.");
        return s;
    }

    private static String weights(AnalysisSettings settings) {
        List<String> parts = new ArrayList<>();
        for (ProjectStatus status : ProjectStatus.values()) {
            parts.add(status.code() + " " + String.format(Locale.ENGLISH, "%.2f", settings.weight(status)));
        }
        return String.join(", ", parts);
    }

    private static String units(AnalysisSettings settings) {
        List<String> parts = new ArrayList<>();
        for (ChainStage stage : ChainStage.values()) {
            parts.add(stage.code() + " " + settings.canonicalUnit(stage));
        }
        return String.join(", ", parts);
    }
}
