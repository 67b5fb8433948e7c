package io.chokepoint.batch;

/** The period's reports folder cannot be written: an environment problem, said in one line (exit code 3). */
public final class ReportsFolderException extends RuntimeException {
    ReportsFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
