package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void generate_writesATrackerThatRunReportsOn() {
        Path db = dir.resolve("synthetic.db");

        CliRun generated = CliRun.run("generate", "--projects", "300", "--seed", "3", "--db", db.toString());

        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("300 projects");
        CliRun run = CliRun.run("run", "--period", "2026-01", "--db", db.toString(), "--reports",
                dir.resolve("reports").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void generate_isHiddenFromTheHelp() {
        assertThat(CliRun.run("--help").out()).contains("run").doesNotContain("generate");
    }

    @Test
    void anExistingFile_isAnInputError() {
        Path db = dir.resolve("synthetic.db");
        CliRun.run("generate", "--projects", "5", "--db", db.toString());

        CliRun again = CliRun.run("generate", "--projects", "5", "--db", db.toString());

        assertThat(again.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(again.err()).contains("already exists");
    }
}
