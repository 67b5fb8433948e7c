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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Environment(new PrintWriter(out), new PrintWriter(err), env, NOVEMBER_2026, false), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
