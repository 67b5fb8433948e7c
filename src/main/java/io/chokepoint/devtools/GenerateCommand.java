package io.chokepoint.devtools;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: a hidden developer command that makes a synthetic tracker of any size for benchmarks
 * ({@code bench/run.sh}, {@code bench/crash-trials.sh}). A developer tool, not part of the product's code path: the
 * CLI only lists it.
 */
@Command(name = "generate", hidden = true, mixinStandardHelpOptions = true,
        description = {"Writes a new synthetic tracker (for benchmarks): N projects with about ten events each,",
                "a realistic mix of stages, countries, statuses and units, and the sample baselines."})
public final class GenerateCommand implements Callable<Integer> {

    /** Exit code of a usage error, as the CLI's (2). */
    private static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--projects", paramLabel = "N", required = true, description = "Project rows to generate.")
    int projects;

    @Option(names = "--db", paramLabel = "PATH", required = true, description = "The new tracker file (must not exist).")
    Path db;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: 42); same seed, same file.")
    long seed = 42;

    @Override
    public Integer call() {
        if (projects < 1) {
            spec.commandLine().getErr().println("--projects must be at least 1, was " + projects);
            return USAGE;
        }
        long start = System.nanoTime();
        SyntheticTracker.Counts counts = SyntheticTracker.generate(db, projects, seed);
        spec.commandLine().getOut().printf("Generated %s: %d projects, %d facilities, %d events, %d baselines in %.1f s%n",
                db, counts.projects(), counts.facilities(), counts.events(), counts.baselines(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
