package io.chokepoint.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Instead of sleeping, moves the clock to the wake-up time. After the given number of fires it calls
 * {@code stop()} on the schedule, as a SIGTERM handler would, and then behaves like an interrupted real sleep.
 */
final class FakeSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Instant> wakeTimes = new ArrayList<>();
    private MonthlySchedule schedule;
    private int firesLeft;

    FakeSleeper(MutableClock clock) {
        this.clock = clock;
    }

    /** Lets {@code fires} fires happen, then stops {@code schedule} when it next waits. */
    void stopAfterFires(int fires, MonthlySchedule schedule) {
        this.firesLeft = fires;
        this.schedule = schedule;
    }

    /** Every instant the schedule asked to sleep until, in order. */
    List<Instant> wakeTimes() {
        return List.copyOf(wakeTimes);
    }

    @Override
    public void sleepUntil(Instant wakeAt) throws InterruptedException {
        wakeTimes.add(wakeAt);
        if (firesLeft-- == 0) {
            schedule.stop();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("woken by stop()");
        }
        clock.set(wakeAt);
    }
}
