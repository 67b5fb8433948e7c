package io.chokepoint.batch;

import java.util.OptionalInt;

/**
 * Tuning for an execution.
 *
 * @param chunkSize projects per snapshot chunk, i.e. per checkpoint (the job's default is 500); on a restart it
 *                  replaces the original value
 */
public record RunOptions(OptionalInt chunkSize) {

    public RunOptions {
        chunkSize.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1, was " + n);
            }
        });
    }

    public static RunOptions defaults() {
        return new RunOptions(OptionalInt.empty());
    }
}
