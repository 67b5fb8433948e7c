package io.chokepoint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: output streams, environment variables, the clock, whether a person is
 * watching at a terminal (progress is shown only then), whether only errors are to be printed ({@code --quiet}:
 * then {@code out} discards, and notes and warnings on stderr are left out), and standard input ({@code import -}).
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal,
                   boolean quiet, InputStream in) {
    Environment {
        env = Map.copyOf(env);
    }

    /** Without standard input: it reads as empty. */
    Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {
        this(out, err, env, clock, terminal, false, InputStream.nullInputStream());
    }

    Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal,
                InputStream in) {
        this(out, err, env, clock, terminal, false, in);
    }

    /** For {@code --quiet}: nothing on stdout, and only errors on stderr. */
    Environment quietly() {
        return new Environment(new PrintWriter(java.io.Writer.nullWriter()), err, env, clock, terminal, true, in);
    }

    /** A note or warning on stderr (not an error): left out with {@code --quiet}. */
    void note(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
