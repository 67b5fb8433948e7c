package io.chokepoint.delivery;

/**
 * Removes a known password from text meant for people. Messages echo the values they complain about, and a
 * password pasted into the wrong setting would otherwise be echoed with them.
 */
final class Redaction {
    static final String MARK = "(redacted)";

    private Redaction() {
    }

    static String text(String text, String password) {
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, MARK);
    }

    /** The same exception if it does not show the password, else one with it removed and without the cause. */
    static IllegalArgumentException of(IllegalArgumentException e, String password) {
        String message = e.getMessage();
        String clean = text(message, password);
        return clean == null || clean.equals(message) ? e : new IllegalArgumentException(clean);
    }

    /** As {@link #of(IllegalArgumentException, String)}, for this package's exception. */
    static DeliveryException of(DeliveryException e, String password) {
        String message = e.getMessage();
        String clean = text(message, password);
        return clean == null || clean.equals(message) ? e : new DeliveryException(clean);
    }
}
