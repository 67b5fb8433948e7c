package io.chokepoint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: output streams, environment variables, the clock, whether a person is
 * watching at a terminal (progress is shown only then), whether only errors are to be printed ({@code --quiet}:
 * then {@code out} discards, and notes and warnings on stderr are left out), standard input ({@code import -}) and
 * standard output for data ({@code export -}), which {@code --quiet} keeps.
 */
record Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal,
                   boolean quiet, InputStream in, PrintWriter data) {
    Environment {
        env = Map.copyOf(env);
    }

    /** Without standard input: it reads as empty. */
    Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal) {
        this(out, err, env, clock, terminal, false, InputStream.nullInputStream(), out);
    }

    Environment(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, boolean terminal,
                InputStream in) {
        this(out, err, env, clock, terminal, false, in, out);
    }

    /**
     * For {@code --quiet}: nothing on stdout, and only errors on stderr; {@link #data} stays standard output, for
     * what a command was asked to write there ({@code export TABLE -}).
     */
    Environment quietly() {
        return new Environment(new PrintWriter(java.io.Writer.nullWriter()), err, env, clock, terminal, true, in, data);
    }

    /** A note or warning on stderr (not an error): left out with {@code --quiet}. */
    void note(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }
}
