package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the runnable shell blocks of README.md, then of docs/*.md, as a reader would, with the installed
 * {@code chokepoint} command (the convention is in CONTRIBUTING.md), and keeps the README short. After
 * {@code mvn package}; run by failsafe.
 */
class ReadmeIT {

    /** {@code <!-- runnable -->} or {@code <!-- runnable: exit 3 -->} on the line before a {@code ```sh} fence. */
    private static final Pattern MARKER = Pattern.compile("<!-- runnable(?:: exit (\\d+))? -->");

    /** A README a newcomer reads in minutes (issue 21); the rest belongs in docs/ and CONTRIBUTING.md. */
    private static final int README_MAX_LINES = 300;

    record Block(Path file, int line, String script, int expectedExit) {
    }

    private static final Path README = Path.of("README.md");

    @TempDir
    Path dir;

    @Test
    void everyRunnableBlock_runsInOrderInAFreshFolder_withTheExpectedExitCode() throws Exception {
        List<Block> blocks = new ArrayList<>();
        for (Path file : documents()) {
            blocks.addAll(runnableBlocks(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        assertThat(blocks).as("runnable blocks in README.md").filteredOn(block -> block.file().equals(README))
                .hasSizeGreaterThanOrEqualTo(5);
        UnpackedDistribution distribution = UnpackedDistribution.unpack(dir.resolve("opt"));
        Path folder = Files.createDirectories(dir.resolve("reader"));
        copy(Path.of("examples"), folder.resolve("examples"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", distribution.home().resolve("bin") + ":" + System.getenv("PATH"));
        System.getenv().keySet().stream().filter(name -> name.startsWith("CHOKEPOINT_"))
                .forEach(name -> env.put(name, null));

        for (Block block : blocks) {
            UnpackedDistribution.Result result = UnpackedDistribution.run(folder, env,
                    List.of("sh", "-e", "-c", block.script()));

            assertThat(result.exitCode()).as(block.file() + " block at line " + block.line() + ":\n" + block.script()
                    + "\n" + result.describe()).isEqualTo(block.expectedExit());
        }
    }

    @Test
    void markers_standOnlyBeforeShellBlocks() throws Exception {
        for (Path file : documents()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("<!-- runnable")) {
                    assertThat(MARKER.matcher(lines.get(i).strip()).matches()).as(file + ":" + (i + 1)).isTrue();
                    assertThat(i + 1 < lines.size() ? lines.get(i + 1) : "").as(file + ":" + (i + 2)).isEqualTo("```sh");
                }
            }
        }
    }

    @Test
    void readme_isShort() throws Exception {
        assertThat(Files.readAllLines(README, StandardCharsets.UTF_8).size()).as("lines of README.md")
                .isLessThanOrEqualTo(README_MAX_LINES);
    }

    /** README.md first (its blocks make the tracker the others use), then docs/*.md by name. */
    static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Block> runnableBlocks(Path file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches() || !lines.get(i + 1).equals("```sh")) {
                continue;
            }
            StringBuilder script = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).equals("```"); j++) {
                script.append(lines.get(j)).append('\n');
            }
            if (j == lines.size()) {
                throw new AssertionError(file + ":" + (i + 2) + ": the block never ends");
            }
            blocks.add(new Block(file, i + 2, script.toString(), marker.group(1) == null ? 0 : Integer.parseInt(marker.group(1))));
        }
        return blocks;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
