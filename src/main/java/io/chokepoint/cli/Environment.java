package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** What commands take from the process: output streams, environment variables and the clock. */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    Environment {
        env = Map.copyOf(env);
    }
}
