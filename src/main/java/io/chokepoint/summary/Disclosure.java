package io.chokepoint.summary;

import java.util.ArrayList;
import java.util.List;

import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectState;

/**
 * Which of the facts that make a project solid it discloses. A project missing any of them is soft: its
 * capacity may be counted, but the report says what it rests on.
 */
public record Disclosure(boolean capacity, boolean investment, boolean timeline, boolean bindingOfftake,
                         boolean source) {

    public static Disclosure of(Project project, ProjectState state) {
        return new Disclosure(project.capacity() != null, project.investment() != null, state.targetYear() != null,
                project.offtakeBinding() == OfftakeBinding.YES,
                project.sources() != null && !project.sources().isBlank());
    }

    public boolean soft() {
        return !(capacity && investment && timeline && bindingOfftake && source);
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
        if (!source) {
            missing.add("source");
        }
        return missing;
    }
}
