package io.chokepoint.delivery;

import java.time.Duration;

/**
 * The pause before a mail is tried again (a transaction that failed, a round of deferred messages); tests pass
 * one that records the pause instead of waiting. Not to be confused with the schedule's wait for the next fire,
 * which waits until an instant on a clock.
 */
@FunctionalInterface
public interface RetryPause {
    RetryPause THREAD = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
