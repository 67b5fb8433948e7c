package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: output streams, environment variables, the clock, and whether a person is
 * watching at a terminal (progress is shown only then).
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {
    Environment {
        env = Map.copyOf(env);
    }
}
