package io.chokepoint.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.InternetAddress;

/**
 * Who receives a report: a bare address such as {@code ana@example.org} and an optional display name.
 * The address must parse strictly as exactly one mailbox; neither value may hold a line break or control
 * character. Invalid values throw {@link IllegalArgumentException} with the value escaped so that it is safe
 * to print.
 */
public record Recipient(String email, String displayName) {

    public Recipient {
        email = Addresses.parse(email, "recipient address", false).getAddress();
        if (displayName != null) {
            HeaderText.requireSafe(displayName, "recipient name");
            displayName = displayName.isBlank() ? null : displayName.strip();
        }
    }

    /** A recipient without a display name. */
    public static Recipient of(String email) {
        return new Recipient(email, null);
    }

    InternetAddress toAddress() {
        try {
            return new InternetAddress(email, displayName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
