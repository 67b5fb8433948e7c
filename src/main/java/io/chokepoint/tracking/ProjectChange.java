package io.chokepoint.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A project before and after an edit. */
public record ProjectChange(Project before, Project after) {
    public ProjectChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The columns whose value changed, in the order of the projects header. */
    public List<String> changedColumns() {
        List<String> was = FactText.projectValues(before);
        List<String> now = FactText.projectValues(after);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                changed.add(TrackerTable.PROJECTS.columns().get(i));
            }
        }
        return changed;
    }
}
