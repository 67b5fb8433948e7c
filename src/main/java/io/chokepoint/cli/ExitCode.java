package io.chokepoint.cli;

/** The process exit codes, as documented in the README. */
final class ExitCode {
    /** The job completed (or the command did what it was asked). */
    static final int OK = 0;
    /** The job failed or was stopped (also by SIGTERM or Ctrl-C); it can be restarted. */
    static final int JOB_FAILED = 1;
    /**
     * The command line was wrong, or the request was refused as asked: a completed month without --rerun, a restart
     * of a completed, abandoned or superseded execution.
     */
    static final int USAGE = 2;
    /**
     * Input or environment problem: unreadable database, invalid data, missing configuration, no such execution,
     * another run holding the tracker's lock.
     */
    static final int INPUT = 3;
    /** A bug or an unexpected failure. */
    static final int INTERNAL = 4;
    /**
     * The job completed (or {@code deliver} did what it could), but the outcome of some mail is unknown: it went out
     * without a definite reply (UNCERTAIN) or its sender died mid-send. It is never resent automatically; the
     * command prints, per recipient, the {@code deliver --resend --to ADDRESS --period P} that sends it on purpose.
     */
    static final int DELIVERY_UNCERTAIN = 5;

    private ExitCode() {
    }
}
