package io.chokepoint.distribution;

/**
 * A period's mail did not all go out and a later run should send the rest: the server was unreachable or kept
 * deferring, or refused our connection settings. The message names the server (host:port) or the outbox, and
 * never contains a password.
 */
public class DistributionException extends RuntimeException {
    public DistributionException(String message) {
        super(message);
    }
}
