package io.chokepoint.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that stands still until the test, or {@link FakeSleeper}, moves it. */
final class MutableClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    MutableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("the schedule is expected to use its own zone, not the clock's");
    }
}
