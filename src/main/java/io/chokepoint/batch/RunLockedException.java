package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Optional;

/** Another run, or an import or edit of a SQLite tracker, holds its lock; the message names it (pid, since when) and what to do. */
public final class RunLockedException extends RuntimeException {

    private final transient Optional<RunLock.LockHolder> holder;

    RunLockedException(Path lockFile, Optional<RunLock.LockHolder> holder) {
        this(lockFile.toString(), "tracker", holder);
    }

    /** @param scope what one run at a time is per: "tracker" (a file), "month" (PostgreSQL) */
    RunLockedException(String lockFile, String scope, Optional<RunLock.LockHolder> holder) {
        super(message(lockFile, scope, holder));
        this.holder = holder;
    }

    private static String message(String lockFile, String scope, Optional<RunLock.LockHolder> holder) {
        boolean run = holder.map(h -> h.activity() == RunLock.Activity.RUN).orElse(true);
        String who = run ? "another run" : holder.get().activity().description();
        return who + " holds the lock " + lockFile + " ("
                + holder.map(RunLock.LockHolder::toString).orElse("holder not yet recorded") + "): "
                + (run ? "only one run at a time per " + scope + "; wait for it to finish"
                + holder.map(h -> ", or stop it with: kill -TERM " + h.pid()).orElse("")
                : "a run does not start while the tracker is being changed; run again when it has finished");
    }

    public Optional<RunLock.LockHolder> holder() {
        return holder;
    }
}
