package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: output streams, environment variables, the clock, whether a person is
 * watching at a terminal (progress is shown only then), and whether only errors are to be printed ({@code --quiet}:
 * then {@code out} discards, and notes and warnings on stderr are left out).
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal,
                   boolean quiet) {
    Environment {
        env = Map.copyOf(env);
    }

    Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {
        this(out, err, env, clock, terminal, false);
    }

    /** For {@code --quiet}: nothing on stdout, and only errors on stderr. */
    Environment quietly() {
        return new Environment(new PrintWriter(java.io.Writer.nullWriter()), err, env, clock, terminal, true);
    }

    /** A note or warning on stderr (not an error): left out with {@code --quiet}. */
    void note(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
