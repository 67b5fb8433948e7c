package io.chokepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real child JVM on the test classpath, for what cannot happen in-process: being killed, receiving SIGTERM,
 * holding an OS file lock. Output goes to files (a full pipe would block the child). Always {@link #close()}
 * it, which kills it if it still runs.
 */
public final class ChildJvm implements AutoCloseable {

    /** Upper bound for anything a child is waited for: a broken test fails instead of hanging the build. */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code mainClass} with {@code args}; stdout and stderr go to files in {@code dir}. */
    public static ChildJvm start(Path dir, Class<?> mainClass, String... args) {
        return start(dir, java.util.Map.of(), mainClass, args);
    }

    /** As {@link #start(Path, Class, String...)}, with {@code env} added to the inherited environment. */
    public static ChildJvm start(Path dir, java.util.Map<String, String> env, Class<?> mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-Dorg.jboss.logging.provider=slf4j", mainClass.getName()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, "child-", ".out");
            Path err = Files.createTempFile(dir, "child-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            Process process = builder
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            return new ChildJvm(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pid of a process that has run and exited (for lock files left by a dead process). */
    public static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("'true' did not exit");
        }
        return process.pid();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released by the JVM. */
    public void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM on Linux: the JVM runs its shutdown hooks. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the child to exit and returns its exit code. */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child JVM did not exit within " + TIMEOUT + "; stderr:\n" + err());
        }
        return process.exitValue();
    }

    /** Polls until the condition holds; fails (with the child's output) if the child exits or time runs out first. */
    public void awaitWhileAlive(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("child JVM exited (" + process.exitValue() + ") before " + what
                        + "; stdout:\n" + out() + "\nstderr:\n" + err());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what + "; stderr:\n" + err());
            }
            Thread.sleep(20);
        }
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
