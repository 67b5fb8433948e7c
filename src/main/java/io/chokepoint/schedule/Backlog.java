package io.chokepoint.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

import io.chokepoint.tracking.ReportPeriod;

/**
 * The months still owed: every month after the newest one known to be done or queued, up to the month a fire is
 * for, plus those whose run failed. Not thread-safe: only the schedule's loop thread uses it.
 */
final class Backlog {

    /** What one fire runs, oldest first, and the older months it gives up on. */
    record Plan(List<ReportPeriod> due, List<ReportPeriod> skipped) {
        Plan {
            due = List.copyOf(due);
            skipped = List.copyOf(skipped);
        }
    }

    private final int limit;
    private final NavigableSet<ReportPeriod> owed = new TreeSet<>();
    private ReportPeriod newestKnown;

    /**
     * @param limit        the most months one plan may hold
     * @param newestKnown  the newest month that needs no run: the last completed one, as far as is known
     */
    Backlog(int limit, ReportPeriod newestKnown) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " is not at least 1");
        }
        this.limit = limit;
        this.newestKnown = Objects.requireNonNull(newestKnown, "newestKnown");
    }

    /** Queues the months up to {@code lastComplete}, then gives up the oldest owed months beyond the limit. */
    Plan plan(ReportPeriod lastComplete) {
        for (ReportPeriod month = newestKnown.next(); month.compareTo(lastComplete) <= 0; month = month.next()) {
            owed.add(month);
        }
        if (lastComplete.compareTo(newestKnown) > 0) {
            newestKnown = lastComplete;
        }
        List<ReportPeriod> skipped = new ArrayList<>();
        while (owed.size() > limit) {
            skipped.add(owed.pollFirst());
        }
        return new Plan(new ArrayList<>(owed), skipped);
    }

    void completed(ReportPeriod period) {
        owed.remove(period);
    }

    /** Months as a short list, runs of consecutive months collapsed: "2025-02 to 2026-07, 2026-09". */
    static String describe(List<ReportPeriod> periods) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= periods.size(); i++) {
            if (i == periods.size() || !periods.get(i).equals(periods.get(i - 1).next())) {
                parts.add(i - 1 > start ? periods.get(start) + " to " + periods.get(i - 1) : periods.get(start).toString());
                start = i;
            }
        }
        return String.join(", ", parts);
    }
}
