package io.chokepoint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tar.gz that {@code mvn package} built, unpacked as a user would (with {@code tar}), for tests that run its
 * launcher in real processes. Run by failsafe after packaging, which passes the archive's path and the version.
 */
record UnpackedDistribution(Path home) {

    /** Upper bound for one command; the machine running the build may be busy. */
    private static final long TIMEOUT_SECONDS = 300;

    static String version() {
        return required("chokepoint.version");
    }

    static Path archive(String extension) {
        return Path.of(required("chokepoint.distribution") + extension);
    }

    /** Unpacks the tar.gz into {@code folder}; the distribution is its one top folder, chokepoint-VERSION. */
    static UnpackedDistribution unpack(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Result tar = run(folder, Map.of(), List.of("tar", "-xzf", archive(".tar.gz").toString()));
        if (tar.exitCode() != 0) {
            throw new AssertionError("tar failed: " + tar.err());
        }
        return new UnpackedDistribution(folder.resolve("chokepoint-" + version()));
    }

    Path launcher() {
        return home.resolve("bin/chokepoint");
    }

    /** What a finished process printed, and how it exited. */
    record Result(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /**
     * Runs {@code command} in {@code workingDirectory}, with the test's environment plus {@code env} (a null value
     * removes the variable).
     */
    static Result run(Path workingDirectory, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("process-", ".out");
        Path err = Files.createTempFile("process-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            env.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run this test with mvn verify (failsafe)");
        }
        return value;
    }
}
