package io.chokepoint.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;

import org.sqlite.SQLiteErrorCode;

import com.lowagie.text.ExceptionConverter;
import org.sqlite.SQLiteException;

/**
 * Tells a step that failed because of its environment (a disk full or unwritable, the tracker's file system
 * failing) from one that failed on a bug: the job's exit status then says {@code ENVIRONMENT: } and the reason, so
 * that the command line can say it in one line with exit code 3 instead of 1. The execution stays FAILED, and
 * restartable once the cause is fixed.
 */
public class EnvironmentFailures extends AbstractStepListener {

    /** Starts the job's exit status when a step failed on its environment. */
    static final String PREFIX = "ENVIRONMENT: ";

    private static final Set<SQLiteErrorCode> SQLITE_ENVIRONMENT = EnumSet.of(SQLiteErrorCode.SQLITE_FULL,
            SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.SQLITE_READONLY, SQLiteErrorCode.SQLITE_CANTOPEN);

    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    @Override
    public void afterStep() {
        reason(stepContext.getException())
                .ifPresent(reason -> jobContext.setExitStatus(PREFIX + "step " + stepContext.getStepName() + ": "
                        + reason));
    }

    /** The environment's part in a failure, if it was the environment's: the innermost I/O or SQLite message. */
    static Optional<String> reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof UncheckedIOException && reason == null) {
                reason = t.getMessage(); // ours say what was being written: "cannot write FILE: why"
            } else if (t instanceof IOException && reason == null) {
                reason = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            } else if (t instanceof SQLiteException e && SQLITE_ENVIRONMENT.contains(baseCode(e))) {
                reason = "the tracker's database: " + e.getResultCode().message;
            }
        }
        return Optional.ofNullable(reason).map(r -> r.length() > 400 ? r.substring(0, 400) + "…" : r);
    }

    /** The cause, also where OpenPDF keeps it (its ExceptionConverter wraps the I/O error without a cause). */
    private static Throwable next(Throwable t) {
        Throwable next = t instanceof ExceptionConverter converter ? converter.getException() : t.getCause();
        return next == t ? null : next;
    }

    private static SQLiteErrorCode baseCode(SQLiteException e) {
        return SQLiteErrorCode.getErrorCode(e.getResultCode().code & 0xff);
    }
}
