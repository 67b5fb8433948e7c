package io.chokepoint.tracking;

/**
 * The tracker cannot be used as asked: a database that cannot be opened, or input data that is invalid.
 * The message is written for the person who can fix it (it names the file, and where known the row and field).
 */
public class TrackerException extends RuntimeException {
    public TrackerException(String message) {
        super(message);
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
