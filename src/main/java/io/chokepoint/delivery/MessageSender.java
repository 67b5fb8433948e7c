package io.chokepoint.delivery;

/**
 * Delivers one report mail to one recipient. What the mail system made of it is returned, not thrown:
 * {@link DeliveryException} is kept for problems on this side (an unreadable attachment, an unwritable outbox).
 */
public interface MessageSender {

    /** Sends (or records) {@code message} for {@code recipient} and reports what happened. */
    DeliveryOutcome send(ReportMessage message, Recipient recipient);
}
