package io.chokepoint.batch;

/** What a run did with the period's job history. */
public enum RunAction {
    STARTED,
    RESTARTED
}
