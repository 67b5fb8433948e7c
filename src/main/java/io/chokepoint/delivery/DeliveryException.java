package io.chokepoint.delivery;

/**
 * Mail cannot be prepared or recorded as asked: invalid mail settings, an unreadable attachment, an outbox that
 * cannot be written. A recipient's server refusing or a server being unreachable is not an exception but a
 * {@link DeliveryOutcome}. Messages name the setting or file concerned and never contain a password.
 */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
