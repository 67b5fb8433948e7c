package io.chokepoint.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How messages deferred by the server (a 4xx reply for that message or recipient) are tried again: after every
 * other recipient has had its turn, up to {@code retries} more times, waiting {@code firstWait} before the first
 * round and twice as long before each further one. The default (3 rounds after 1, 2 and 4 minutes) outlasts the
 * usual greylisting delay without holding the month's run for long.
 */
public record DeferredRetry(int retries, Duration firstWait) {

    public static final DeferredRetry DEFAULT = new DeferredRetry(3, Duration.ofMinutes(1));

    public DeferredRetry {
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("deferred retries must be from 0 to 20, was " + retries);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        if (firstWait.isNegative()) {
            throw new IllegalArgumentException("deferred back-off must not be negative, was " + firstWait);
        }
    }

    /** The wait before retry round {@code round} (from 1). */
    public Duration waitBefore(int round) {
        return firstWait.multipliedBy(1L << Math.min(round - 1, 20));
    }
}
