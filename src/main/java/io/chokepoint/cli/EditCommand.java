package io.chokepoint.cli;

import java.util.concurrent.Callable;
import java.util.function.IntSupplier;

import io.chokepoint.batch.RunLock;
import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.TrackerTable;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.store.TrackerEdits;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that edits one row of the tracker from its options (project add and update, event add): the options
 * given are read as the table's columns, the edit holds the tracker's lock while it writes (so it is refused during a
 * run on a tracker file), and dates far ahead are refused or, allowed, warned about after the edit.
 */
abstract class EditCommand implements Callable<Integer> {

    final Environment environment;
    private final TrackerTable table;
    private final String nothingDone;
    private final String retry;

    @Spec
    CommandSpec spec;
    @Mixin
    FutureDateOption future = new FutureDateOption();
    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    /**
     * @param nothingDone what a refused edit says was not done, e.g. "the project was not added"
     * @param retry       when to try again, e.g. "add it when it has finished"
     */
    EditCommand(Environment environment, TrackerTable table, String nothingDone, String retry) {
        this.environment = environment;
        this.table = table;
        this.nothingDone = nothingDone;
        this.retry = retry;
    }

    @Override
    public final Integer call() {
        TrackerDatabase db = tracker.open(environment);
        return InputChange.locked(db, environment, RunLock.Activity.EDIT, nothingDone, retry, () -> {
            FieldInput input = OptionColumns.given(spec.commandLine().getParseResult(), table.columns());
            IntSupplier report = edit(db.edits(future.rule(environment.clock())), input);
            future.warn(environment.clock(), input, environment.err());
            return report.getAsInt();
        });
    }

    /** Makes the edit; returns what prints its outcome and gives the exit code (after any future-date warning). */
    abstract IntSupplier edit(TrackerEdits edits, FieldInput input);
}
