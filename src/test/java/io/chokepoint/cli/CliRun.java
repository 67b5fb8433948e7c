package io.chokepoint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(false, env, args);
    }

    /** As if a person watched at a terminal (progress is shown). */
    static CliRun atTerminal(String... args) {
        return run(true, Map.of(), args);
    }

    private static CliRun run(boolean terminal, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Environment(new PrintWriter(out), new PrintWriter(err), env, NOVEMBER_2026, terminal),
                args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
