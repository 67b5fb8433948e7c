package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./chokepoint}, the launcher at the root of a checkout, in a copy of the checkout without a jar: it builds
 * one with Maven (a real build, so this runs with failsafe), and stdout stays the command's own.
 */
class CheckoutLauncherIT {

    @TempDir
    Path dir;

    @Test
    void firstCallBuildsTheJar_andStdoutIsOnlyTheCommandsOutput() throws Exception {
        Path checkout = dir.resolve("checkout");
        for (String part : List.of("chokepoint", "pom.xml", "jobs", "src/main")) {
            copy(Path.of(part), checkout.resolve(part));
        }
        Path home = dir.resolve("home");
        assertThat(CliRun.run("init", "--sample", "--home", home.toString()).exitCode()).isZero();

        // What `./chokepoint status --json | jq .` gets right after a change: JSON, no build output, no colour codes.
        UnpackedDistribution.Result status = UnpackedDistribution.run(dir, Map.of(),
                List.of(checkout.resolve("chokepoint").toString(), "status", "--json", "--home", home.toString()));

        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(checkout.resolve("target/chokepoint.jar")).isRegularFile();
        assertThat(status.out()).doesNotContain("\u001B").startsWith("{");
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("executions")).as(status.out()).isNotNull();
        assertThat(json.get("executions").size()).isZero();
        // The build says it runs, on stderr; Maven's own output went to a log.
        assertThat(status.err()).startsWith("chokepoint: building " + checkout.resolve("target/chokepoint.jar"))
                .doesNotContain("\u001B");
        assertThat(checkout.resolve("target/chokepoint-build.log")).isRegularFile();

        // Built: the next call starts the jar at once.
        UnpackedDistribution.Result version = UnpackedDistribution.run(dir, Map.of(),
                List.of(checkout.resolve("chokepoint").toString(), "--version"));
        assertThat(version.out()).isEqualTo("chokepoint " + UnpackedDistribution.version() + "\n");
        assertThat(version.err()).isEmpty();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
