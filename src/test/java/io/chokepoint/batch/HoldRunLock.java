package io.chokepoint.batch;

import java.nio.file.Path;
import java.time.Clock;

/**
 * A process that holds a tracker's run lock until its standard input closes (the test ends it, or dies), for
 * tests of what a second process sees. Prints {@code locked} once it holds the lock.
 */
public final class HoldRunLock {

    private HoldRunLock() {
    }

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), Clock.systemUTC())) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until stdin closes
            }
        }
    }
}
