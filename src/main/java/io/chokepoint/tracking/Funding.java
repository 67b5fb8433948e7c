package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.util.Arrays;
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
        EQUITY("equity"), DEBT("debt"), GRANT("grant"), GOVERNMENT_COMMITMENT("government_commitment"),
        PREPAYMENT("prepayment"), OTHER("other");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind fromCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown funding kind '" + code
                            + "', expected one of " + Codes.list(values(), Kind::code)));
        }
    }

    /** How far the money got; closed and committed are listed before proposed. */
    public enum Status {
        CLOSED("closed"), COMMITTED("committed"), PROPOSED("proposed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status fromCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown funding status '" + code
                            + "', expected one of " + Codes.list(values(), Status::code)));
        }
    }
}
