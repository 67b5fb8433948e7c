package io.chokepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClockSleeperTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void instantAlreadyReached_returnsAtOnce() throws InterruptedException {
        Sleeper.onClock(clock).sleepUntil(clock.instant().minusSeconds(60));
    }

    @Test
    void instantAhead_returnsOnceTheClockHasReachedIt() throws InterruptedException {
        Instant wakeAt = clock.instant().plus(Duration.ofMillis(30));

        Sleeper.onClock(clock).sleepUntil(wakeAt);

        assertThat(clock.instant()).isAfterOrEqualTo(wakeAt);
    }

    @Test
    void interrupted_throwsInterruptedException() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.onClock(clock).sleepUntil(clock.instant().plusSeconds(60)))
                .isInstanceOf(InterruptedException.class);
    }
}
