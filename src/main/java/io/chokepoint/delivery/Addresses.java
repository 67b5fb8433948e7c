package io.chokepoint.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Strict parsing of single mail addresses. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Parses exactly one address (no group, no list), strictly (RFC 822 syntax with an {@code @domain}).
     * With {@code allowName} the {@code Name <addr@example.org>} form is accepted too.
     */
    static InternetAddress parse(String value, String what, boolean allowName) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        HeaderText.requireSafe(value, what);
        String text = value.strip();
        InternetAddress address;
        try {
            address = new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(what + " '" + HeaderText.printable(text)
                    + "' is not a single valid email address (" + HeaderText.printable(e.getMessage()) + ")");
        }
        if (address.isGroup()) {
            throw new IllegalArgumentException(what + " '" + HeaderText.printable(text)
                    + "' is a group, expected a single address");
        }
        if (!allowName && (address.getPersonal() != null || !address.getAddress().equals(text))) {
            throw new IllegalArgumentException(what + " '" + HeaderText.printable(text)
                    + "' must be a bare address such as ana@example.org (give the name separately)");
        }
        return withEncodedName(address);
    }

    /** Parsing keeps a name as written; rebuilding it makes a non-ASCII name go out RFC 2047 encoded. */
    private static InternetAddress withEncodedName(InternetAddress parsed) {
        if (parsed.getPersonal() == null) {
            return parsed;
        }
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The domain part of an address, or null if it has none. */
    static String domain(InternetAddress address) {
        String bare = address.getAddress();
        int at = bare.lastIndexOf('@');
        return at < 0 ? null : bare.substring(at + 1);
    }
}
