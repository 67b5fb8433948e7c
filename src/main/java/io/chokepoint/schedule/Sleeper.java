package io.chokepoint.schedule;

import java.time.Clock;
import java.time.Instant;

/** Waits for the next fire; an interface so that tests can move a fake clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Returns once the clock has reached {@code wakeAt}, or at once if it already has.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleepUntil(Instant wakeAt) throws InterruptedException;

    /** A sleeper that waits in real time for {@code clock} to reach the instant. */
    static Sleeper onClock(Clock clock) {
        return new ClockSleeper(clock);
    }
}
