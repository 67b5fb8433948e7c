package io.chokepoint.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** The command with {@code --db db} after its arguments. */
    static CliRun onTracker(Path db, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = db.toString();
        return run(all);
    }

    /** A tracker with the embedded sample data, {@code chokepoint.db} in {@code dir}. */
    static Path sampleTracker(Path dir) {
        Path db = dir.resolve("chokepoint.db");
        io.chokepoint.tracking.store.TrackerDatabase.open(db);
        return db;
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(false, env, args);
    }

    /** As if a person watched at a terminal (progress is shown). */
    static CliRun atTerminal(String... args) {
        return run(true, Map.of(), args);
    }

    /** With {@code stdin} as standard input (UTF-8), e.g. for {@code import projects -}. */
    static CliRun withInput(String stdin, Map<String, String> env, String... args) {
        return run(false, env, new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                args);
    }

    private static CliRun run(boolean terminal, Map<String, String> env, String... args) {
        return run(terminal, env, java.io.InputStream.nullInputStream(), args);
    }

    private static CliRun run(boolean terminal, Map<String, String> env, java.io.InputStream in, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Environment(new PrintWriter(out), new PrintWriter(err), env, NOVEMBER_2026, terminal,
                in), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * What logback's console appender wrote to the process's stderr while {@code command} ran (log lines do not go
     * to the command's own err writer, which {@link #err()} holds).
     */
    static String processStderrOf(Runnable command) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Runs a command against the sample tracker {@code folder/chokepoint.db} (made with {@code init --sample} on
     * first use, since a named --db must exist), with {@code --reports folder/reports} and, when the file exists,
     * {@code --config folder/chokepoint.properties}; {@code stakeholders} commands take only --db.
     */
    static CliRun inSampleFolder(Path folder, String... args) {
        Path db = folder.resolve("chokepoint.db");
        if (!Files.exists(db)) {
            CliRun made = run("init", "--sample", "--db", db.toString());
            if (made.exitCode() != 0) {
                throw new IllegalStateException("init failed: " + made.err());
            }
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db.toString()));
        if (!args[0].equals("stakeholders")) {
            all.addAll(List.of("--reports", folder.resolve("reports").toString()));
            if (Files.exists(folder.resolve("chokepoint.properties"))) {
                all.addAll(List.of("--config", folder.resolve("chokepoint.properties").toString()));
            }
        }
        return run(all.toArray(String[]::new));
    }
}
