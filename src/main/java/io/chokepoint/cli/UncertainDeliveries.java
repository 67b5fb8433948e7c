package io.chokepoint.cli;

import java.io.PrintWriter;
import java.util.List;

import io.chokepoint.stakeholders.DeliveryRecord;

/**
 * How {@code run}, {@code restart}, {@code deliver} and {@code status} tell the operator about deliveries of unknown
 * outcome: one line each, with the command that sends the message again on purpose. Nothing resends them
 * automatically: the recipient may have the message already, and only a person can find out.
 */
final class UncertainDeliveries {
    private UncertainDeliveries() {
    }

    /** {@code chokepoint deliver --resend --to ana@example.org --period 2026-01} */
    static String resendCommand(DeliveryRecord delivery) {
        return "chokepoint deliver --resend --to " + delivery.recipient() + " --period " + delivery.period();
    }

    static String why(DeliveryRecord delivery) {
        if (delivery.outcome() == DeliveryRecord.Outcome.SENDING) {
            return "sending since " + delivery.startedAt() + " without a recorded outcome (the sending process ended"
                    + " mid-send, or is still sending)";
        }
        return delivery.serverReply() == null ? "sent without a definite reply" : delivery.serverReply();
    }

    /** Prints a heading and one line per delivery; nothing when there are none. */
    static void print(PrintWriter out, List<DeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        out.println("Mail of unknown outcome (it may have arrived; never sent again automatically: check with the"
                + " recipient, then send it again on purpose if needed):");
        for (DeliveryRecord d : deliveries) {
            out.println("  " + d.outcome() + " " + d.period() + " " + d.recipient()
                    + (d.messageId() == null ? "" : " " + d.messageId()) + ": " + why(d));
            out.println("    to send it again: " + resendCommand(d));
        }
    }
}
