package io.chokepoint.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.chokepoint.summary.Change;
import io.chokepoint.tracking.Investment;

/**
 * The changes' details as a reader sees them: amounts scaled in their own currency, with the US dollar figure
 * where the project's own record has one from a source (see {@link Formats#amountsInText}). Reads the project rows
 * once, and only if some detail holds an amount in another currency than USD (the only ones a USD figure goes
 * beside), keeping the investments of those changes' projects alone.
 */
public final class ChangeDetails {
    private final Map<String, Investment> investments;

    private ChangeDetails(Map<String, Investment> investments) {
        this.investments = investments;
    }

    public static ChangeDetails of(Report report) {
        List<Change> changes = report.analysis().changes();
        Set<String> ids = new HashSet<>();
        changes.stream().filter(c -> Formats.hasNonUsdAmount(c.detail())).forEach(c -> ids.addAll(c.projectIds()));
        Map<String, Investment> investments = new HashMap<>();
        if (!ids.isEmpty()) {
            report.projects().forEach(snapshot -> {
                if (snapshot.project().investment() != null && ids.contains(snapshot.project().id())) {
                    investments.put(snapshot.project().id(), snapshot.project().investment());
                }
            });
        }
        return new ChangeDetails(investments);
    }

    /** The change's detail with readable amounts and tonnages. */
    public String detail(Change change) {
        return Formats.amountsInText(change.detail(), change.projectIds().stream().map(investments::get)
                .filter(Objects::nonNull).toList());
    }
}
