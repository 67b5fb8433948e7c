package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money reported for a facility in its original currency; {@code usdMillions} only where a source stated a USD
 * figure (never converted here), otherwise null.
 */
public record Investment(BigDecimal amount, String currency, Double usdMillions) {
    public Investment {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("investment must not be negative");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("investment currency '" + currency + "' is not an ISO 4217 code");
        }
    }
}
