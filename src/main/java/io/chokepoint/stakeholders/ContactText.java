package io.chokepoint.stakeholders;

import java.util.regex.Pattern;

import io.chokepoint.delivery.HeaderText;

/**
 * Checks a stakeholder's address and name before they are stored. Both end up in mail headers: a CR or LF
 * there would let a value start a header of its own (a Bcc injected through a name), so such values are
 * refused, never cleaned.
 *
 * <p>Addresses are held to a deliberately narrow form: plain ASCII {@code local@domain.tld} with a dot-atom
 * local part and a host name domain. That is a subset of what the mail code accepts, so a stored address can
 * always be sent to; quoted local parts and address literals are refused here.
 */
final class ContactText {
    static final int MAX_ADDRESS = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_NAME = 200;

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATEXT + "(?:\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private ContactText() {
    }

    /** The address, stripped of surrounding blanks, or an exception saying exactly what is wrong with it. */
    static String email(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an email address is required");
        }
        requireSafe(value, "address");
        String address = value.strip();
        String problem = addressProblem(address);
        if (problem != null) {
            throw new IllegalArgumentException("address '" + printable(address) + "' is not a valid email address"
                    + " such as ana@example.org: " + problem);
        }
        return address;
    }

    private static String addressProblem(String address) {
        if (!address.chars().allMatch(c -> c > 32 && c < 127)) {
            return "only ASCII letters, digits and punctuation, no spaces (write an international domain in its"
                    + " xn-- form)";
        }
        if (address.length() > MAX_ADDRESS) {
            return "longer than " + MAX_ADDRESS + " characters";
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return "no @";
        }
        if (address.indexOf('@') != at) {
            return "more than one @ (a list or a quoted local part is not accepted)";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()) {
            return "the part before @ must be 1-" + MAX_LOCAL_PART + " letters, digits or !#$%&'*+/=?^_`{|}~-,"
                    + " with single dots between them";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "the domain '" + domain + "' must have a dot, e.g. example.org";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "the domain '" + domain + "' must be dot-separated names of letters, digits and hyphens";
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "the domain '" + domain + "' must end in a name, not a number";
        }
        return null;
    }

    /** The name, stripped of surrounding blanks, or an exception if it is blank, too long or unsafe. */
    static String name(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a name is required");
        }
        requireSafe(value, "name");
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException("name '" + printable(name) + "' is longer than " + MAX_NAME
                    + " characters");
        }
        return name;
    }

    /** Refuses control characters (CR, LF, TAB, NUL...), line and paragraph separators, bidi overrides. */
    static void requireSafe(String value, String what) {
        int i = HeaderText.firstUnsafe(value);
        if (i >= 0) {
            throw new IllegalArgumentException(what + " '" + printable(value) + "' contains a line break or"
                    + " control character (" + HeaderText.escape(value.codePointAt(i)) + " at index " + i
                    + "), which could forge a mail header");
        }
    }

    /** The value with unsafe characters escaped and cut short, fit for an error message or a terminal. */
    static String printable(String value) {
        return HeaderText.printable(value);
    }
}
