package io.chokepoint.distribution;

import java.util.Optional;

/**
 * Whom a delivery is for.
 *
 * @param resend send again on purpose, whatever was sent before (and record it as a resend)
 * @param only   one stakeholder's address, or empty for every active stakeholder
 */
public record Selection(boolean resend, Optional<String> only) {

    /** Every active stakeholder who does not have the period's report yet (and was not rejected). */
    public static final Selection PENDING = new Selection(false, Optional.empty());

    public Selection {
        only = only.map(String::strip);
    }

    /** Every active stakeholder, again. */
    public static Selection resendToAll() {
        return new Selection(true, Optional.empty());
    }

    /** One active stakeholder, again. */
    public static Selection resendTo(String email) {
        return new Selection(true, Optional.of(email));
    }
}
