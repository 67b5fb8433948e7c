package io.chokepoint.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Sleeps in real time until a clock reaches an instant. Stateless and thread-safe. */
final class ClockSleeper implements Sleeper {

    /**
     * {@link Thread#sleep} counts elapsed time, while fires are wall-clock times: after a host suspend or a clock
     * step the two drift apart, so the clock is read again at least this often.
     */
    private static final Duration LONGEST_NAP = Duration.ofMinutes(1);

    private final Clock clock;

    ClockSleeper(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void sleepUntil(Instant wakeAt) throws InterruptedException {
        Duration left = Duration.between(clock.instant(), wakeAt);
        while (left.compareTo(Duration.ZERO) > 0) {
            Duration nap = left.compareTo(LONGEST_NAP) < 0 ? left : LONGEST_NAP;
            // toMillis() truncates: without the extra millisecond the last sub-millisecond would be a busy loop.
            Thread.sleep(nap.toMillis() + 1);
            left = Duration.between(clock.instant(), wakeAt);
        }
    }
}
