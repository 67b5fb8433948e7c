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
                + "reported again and month-over-month change is computed, not remembered. Every number comes from a "
                + "typed fact: an event's status after, its target year (or 'none', a withdrawn timeline), its "
                + "capacity with unit and basis, and the stage row it concerns (none named: every stage row of the "
                + "facility). An event's value and notes are quotes for readers and are never parsed. The latest "
                + "fact of each kind wins; without any, the project row's. A project with no dated evidence by that "
                + "day is not in the report, except a long-established facility (operating, no announcement date), "
                + "which counts as operating throughout.");
        s.add("Baselines are used only once published: a figure published after the period's last day is not "
                + "cited, and each share names its baseline's year, publication and publication date.");
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
        s.add("The projected share in " + settings.targetYear() + " adds, to operating capacity, the same set "
                + "of projects twice: every tracked project that is neither operating nor cancelled, with a target "
                + "year no later and a capacity, plus the planned expansions of operating projects (a target "
                + "capacity with a year) due by then, counted by their increment over today's capacity. As "
                + "announced: each in full. Risk-weighted: each times the weight of its status (expansions at the "
                + "weight of 'announced'), so the weighted addition never exceeds the announced one. Projects whose "
                + "capacity is undisclosed are counted and named, never added as zero; where none of a stage's "
                + "projects due is quantified, its projection is 'not computable'. The published projection for "
                + "the same year (IEA base case) is quoted beside ours.");
        s.add("Risk weights used: " + weights(settings) + ".");
        s.add("Canonical units used: " + units(settings) + ". Capacity in any other unit is counted and listed "
                + "as not comparable, never summed; undisclosed capacity is shown as undisclosed, never as zero.");
        s.add("Solid vs soft: each project's disclosure score counts, from 0 to 5, which of five facts it "
                + "discloses: a capacity, an investment figure, a target year, a binding offtake and a dated source "
                + "(a source item with a full YYYY-MM-DD date). A project scoring less than 5 is soft. The soft share "
                + "of a stage's pipeline is given by count and by disclosed capacity, and the pipeline's projects by "
                + "score.");
        s.add("Changes list what differs in a project's state between the previous period's last day and this "
                + "one's: a project newly in the report, a status change (whatever event carried it), a slip or "
                + "acceleration of the target year, a withdrawn timeline, a capacity revision or planned expansion "
                + "(old and new, with unit), a cancellation; each with the event that carried it. An event that "
                + "changed nothing is not a change. The change in China share compares this period with the "
                + "previous one recomputed from today's data.");
        s.add("Heavy rare earths: the heavy view of separation, metal, alloy and magnet counts the projects that "
                + "process heavy rare earths (ree_group heavy or both). China's heavy share comes from a complete heavy "
                + "baseline set, else the newest published heavy share (by publication date, within the age limit). "
                + "Ex-China heavy capacity, now and in " + settings.targetYear() + ", follows the projection's rules "
                + "but sums only capacity in a heavy unit (t Dy-Tb oxide at separation; none is defined at the other "
                + "stages): a 'both' plant stating t REO or NdPr oxide is heavy-capable with its heavy capacity "
                + "undisclosed, a 'heavy' plant in another unit is not comparable; t Dy-Tb oxide is never added to "
                + "t REO.");
        s.add("Export controls are facts, never share inputs. A control's state on the last day is announced, in "
                + "force, suspended (from suspended_on through suspended_until, also before the effective date) or "
                + "lifted; a change of state in the month is news. A stage is exposed when an export or "
                + "extraterritorial control is in force on one of its forms (ore: mining; concentrate: "
                + "concentration; oxide, compound: separation; metal; alloy; magnet): its exposure is the imposing "
                + "country's computed share of the stage now (heavy view: China's heavy share), 'partial' naming the "
                + "elements covered when not all; 'not computable' where the share is. Procurement rules are listed "
                + "beside the stage, never counted; technology and equipment controls belong to no stage.");
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
