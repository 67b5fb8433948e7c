package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Optional;

/** Another run holds the tracker's lock; the message names it (pid, since when) and what to do. */
public final class RunLockedException extends RuntimeException {

    private final transient Optional<RunLock.LockHolder> holder;

    RunLockedException(Path lockFile, Optional<RunLock.LockHolder> holder) {
        this(lockFile.toString(), "tracker", holder);
    }

    /** @param scope what one run at a time is per: "tracker" (a file), "month" (PostgreSQL) */
    RunLockedException(String lockFile, String scope, Optional<RunLock.LockHolder> holder) {
        super("another run holds the lock " + lockFile + " ("
                + holder.map(RunLock.LockHolder::toString).orElse("holder not yet recorded") + "): "
                + "only one run at a time per " + scope + "; wait for it to finish"
                + holder.map(h -> ", or stop it with: kill -TERM " + h.pid()).orElse(""));
        this.holder = holder;
    }

    public Optional<RunLock.LockHolder> holder() {
        return holder;
    }
}
