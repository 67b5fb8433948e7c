package io.chokepoint.cli;

import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

import io.chokepoint.batch.RunLock;
import io.chokepoint.batch.RunLockedException;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * A change of a SQLite tracker's input (an import, {@code project add|update}, {@code event add}) holds the run's
 * lock while it writes. A run reads the tracker over several steps and transactions, under that lock: so no change
 * lands in the middle of a run, and the manifest's input fingerprint always describes what the workbook and PDF
 * show. A change that finds the lock taken is refused at once (exit 3), naming who holds it, rather than waiting
 * for a run that may take minutes. On PostgreSQL a run reads one snapshot, so changes go on beside it.
 */
final class InputChange {

    private InputChange() {
    }

    /**
     * Runs {@code change} under the tracker's lock (on SQLite), returning its exit code.
     *
     * @param nothing what to say was not done, e.g. "nothing was imported"
     * @param retry   what to do instead, e.g. "import when it has finished"
     */
    static int locked(TrackerDatabase db, Environment environment, RunLock.Activity activity, String nothing,
                      String retry, IntSupplier change) {
        if (db.backend().runsReadExportedSnapshots()) {
            return change.getAsInt();
        }
        RunLock lock;
        try {
            lock = RunLock.acquire(db.file(), environment.clock(), activity);
        } catch (RunLockedException e) {
            String who = e.holder().map(h -> h.activity().description()).orElse("a run");
            environment.err().println(who + " holds the tracker " + db.file() + " (" + e.holder()
                    .map(Object::toString).orElse("holder not yet recorded") + "): " + nothing + "; " + retry
                    + (who.equals("a run") ? " (see: chokepoint status)" : ""));
            return ExitCode.INPUT;
        } catch (UncheckedIOException e) {
            environment.err().println(e.getMessage() + ": " + nothing);
            return ExitCode.INPUT;
        }
        try (lock) {
            return change.getAsInt();
        }
    }
}
