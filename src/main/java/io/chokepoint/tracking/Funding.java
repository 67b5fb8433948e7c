package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money an event states, typed: an amount in its own currency (never converted), the US$ million a source gave
 * (else null), what kind of money it is and how far it got. A {@code proposed} amount is always called proposed.
 */
public record Funding(BigDecimal amount, String currency, Double usdMillions, Kind kind, Status status) {

    public Funding {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount must not be negative");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("amount currency '" + currency + "' is not an ISO 4217 code");
        }
        Objects.requireNonNull(kind, "funding_kind");
        Objects.requireNonNull(status, "funding_status");
    }

    /** What kind of money (the data README's funding_kind vocabulary). */
    public enum Kind {
        EQUITY, DEBT, GRANT, GOVERNMENT_COMMITMENT,
        PREPAYMENT, OTHER;

        private static final Codes<Kind> CODES = Codes.of(values(), "funding kind");

        public String code() {
            return CODES.code(this);
        }

        public static Kind fromCode(String code) {
            return CODES.parse(code);
        }
    }

    /** How far the money got; closed and committed are listed before proposed. */
    public enum Status {
        CLOSED, COMMITTED, PROPOSED;

        private static final Codes<Status> CODES = Codes.of(values(), "funding status");

        public String code() {
            return CODES.code(this);
        }

        public static Status fromCode(String code) {
            return CODES.parse(code);
        }
    }
}
