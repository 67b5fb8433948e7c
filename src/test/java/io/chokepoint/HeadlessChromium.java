package io.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for tests that look at a page as a browser lays it out (the mail's HTML, the archive
 * page). In CI a missing browser fails the test ({@code .ci/run} installs it); elsewhere the test is skipped.
 *
 * @param executable the chromium binary
 * @param workDir    where its profile and output go (a test's temporary folder)
 */
public record HeadlessChromium(Path executable, Path workDir) {

    /** The chromium on the PATH, working in {@code workDir}. */
    public static HeadlessChromium in(Path workDir) {
        for (String dirOnPath : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dirOnPath, "chromium");
            if (Files.isExecutable(candidate)) {
                return new HeadlessChromium(candidate, workDir);
            }
        }
        String missing = "chromium is not installed (apt-get install -y chromium)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(missing + "; .ci/run installs it in CI");
        }
        Assumptions.abort(missing + "; skipped outside CI");
        return null;
    }

    /** Runs it headless with {@code args}; its standard output (e.g. {@code --dump-dom}'s DOM). */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + workDir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = workDir.resolve("chromium.out");
        Path err = workDir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
