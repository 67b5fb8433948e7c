package io.chokepoint.summary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;

/**
 * Which of the five facts that make a project solid it discloses: a capacity, an investment figure, a timeline
 * (a target year), a binding offtake and a dated source. Its {@link #score()} counts them, 0 to 5: a project
 * scoring 5 is solid, anything less is soft (its capacity may be counted, but the report says what it rests on).
 *
 * @param datedSource whether at least one source item carries a full publication date (YYYY-MM-DD), so a reader
 *                    can find the exact article; a source dated only by month or year, "n.d." or none does not count
 */
public record Disclosure(boolean capacity, boolean investment, boolean timeline, boolean bindingOfftake,
                         boolean datedSource) {

    /** The highest score: every fact disclosed. */
    public static final int MAX_SCORE = 5;

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern DATE = Pattern.compile("(?<![\\d-])(\\d{4}-\\d{2}-\\d{2})(?![\\d-])");

    /**
     * A pure function of the project's row and its state on the report's day (the state gives the target year and
     * capacity). A disclosed target of an operating plant (rules v3: an expansion, not capacity today) is still a
     * disclosed capacity figure.
     */
    public static Disclosure of(Project project, ProjectState state) {
        return new Disclosure(state.capacity() != null || state.expansion() != null || project.capacity() != null,
                project.investment() != null, state.targetYear() != null,
                project.offtakeBinding() == OfftakeBinding.YES, hasDatedSource(project.sources()));
    }

    /**
     * Whether any item of a sources field ({@code Publication YYYY-MM-DD URL}, items separated by {@code " ; "})
     * has a full, valid date in its publication part. Dates inside URLs do not count: they are not the item's date.
     */
    static boolean hasDatedSource(String sources) {
        if (sources == null || sources.isBlank()) {
            return false;
        }
        for (String item : sources.split(";")) {
            Matcher m = DATE.matcher(URL.matcher(item).replaceAll(" "));
            while (m.find()) {
                try {
                    LocalDate.parse(m.group(1));
                    return true;
                } catch (DateTimeParseException e) {
                    // not a calendar date (2025-13-40): look further
                }
            }
        }
        return false;
    }

    /** How many of the five facts are disclosed, 0 to 5. */
    public int score() {
        int score = 0;
        for (boolean fact : new boolean[]{capacity, investment, timeline, bindingOfftake, datedSource}) {
            score += fact ? 1 : 0;
        }
        return score;
    }

    public boolean soft() {
        return score() < MAX_SCORE;
    }

    /** The missing facts, by name, for the data gaps list. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!capacity) {
            missing.add("capacity");
        }
        if (!investment) {
            missing.add("investment");
        }
        if (!timeline) {
            missing.add("target year");
        }
        if (!bindingOfftake) {
            missing.add("binding offtake");
        }
        if (!datedSource) {
            missing.add("dated source");
        }
        return missing;
    }
}
