package io.chokepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** --version on every command, "Did you mean" for typos, and help that keeps paths whole. */
class CommandLinePolishTest {

    @Test
    void version_onTheTopCommandAndOnRun_isThePomVersion() throws Exception {
        String expected = "chokepoint " + pomVersion();

        CliRun top = CliRun.run("--version");
        CliRun run = CliRun.run("run", "--version");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out().strip()).isEqualTo(expected);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(expected);
    }

    @Test
    void version_onEverySubcommand_isPrinted() throws Exception {
        String expected = "chokepoint " + pomVersion();
        for (List<String> path : commandPaths()) {
            if (path.equals(List.of("help"))) {
                continue; // picocli's help command has no version option
            }
            List<String> args = new ArrayList<>(path);
            args.add("--version");

            CliRun run = CliRun.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
            assertThat(run.out().strip()).as(String.join(" ", args)).isEqualTo(expected);
        }
    }

    @Test
    void mistypedSubcommand_suggestsTheNearestOne_andExits2() {
        CliRun run = CliRun.run("rn");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'rn'").contains("Did you mean: run?");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bareCommand_printsTheUsageOnStderr_andExits2() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Missing required subcommand")
                .contains("Usage: chokepoint [-hV] [--quiet] [--verbose] [COMMAND]")
                .contains("Commands:").contains("  run ").contains("  schedule ").doesNotContain("\u001B[");
    }

    @Test
    void commandGroupWithoutItsSubcommand_printsItsUsage_andExits2() {
        CliRun run = CliRun.run("project");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Usage: chokepoint project").contains("  show ");
    }

    @Test
    void mistypedOption_suggestsTheNearestOne_andExits2() {
        CliRun run = CliRun.run("run", "--perod", "2026-01");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'--perod'").contains("Did you mean: --period?");
    }

    @Test
    void mistypedSubcommandOfASubcommand_suggestsAmongItsSiblings() {
        CliRun run = CliRun.run("project", "shwo", "X");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Did you mean: show?");
    }

    @Test
    void wordFarFromEveryCommand_getsNoSuggestion() {
        CliRun run = CliRun.run("xylophone");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("'xylophone'").doesNotContain("Did you mean");
    }

    @Test
    void help_ofEveryCommand_keepsEveryPathInItsDescriptionsOnOneLine() {
        for (List<String> path : commandPaths()) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CommandSpec spec = spec(path);

            CliRun help = CliRun.run(args.toArray(String[]::new));

            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            for (String token : pathsIn(spec)) {
                assertThat(help.out()).as(String.join(" ", args) + " shows " + token + " whole").contains(token);
            }
        }
    }

    @Test
    void commandLineNamingASubcommand_buildsThatOneAlone_withTheSameHelp_andAnyOtherBuildsThemAll() {
        PrintWriter discard = new PrintWriter(new StringWriter());
        Environment environment = new Environment(discard, discard, Map.of(), Clock.systemUTC(), false);
        CommandLine full = tree();
        for (List<String> path : commandPaths()) {
            if (path.size() > 1 || path.equals(List.of("help"))) {
                continue; // nested commands come with their top one; help needs every command (checked below)
            }
            String name = path.get(0);
            CommandLine single = Main.commandLine(environment, "--quiet", name, "--help");

            assertThat(single.getSubcommands().keySet()).as(name).containsExactly(name);
            assertThat(single.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(full.getSubcommands().get(name).getUsageMessage());
        }
        assertThat(Main.commandLine(environment, "rn").getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
        assertThat(Main.commandLine(environment, "--help").getUsageMessage()).isEqualTo(full.getUsageMessage());
        assertThat(Main.commandLine(environment, "help", "run").getSubcommands().keySet())
                .isEqualTo(full.getSubcommands().keySet());
    }

    /** Words with a slash in the descriptions of a command and its options, e.g. ./chokepoint.db or reports/YYYY-MM/. */
    private static List<String> pathsIn(CommandSpec spec) {
        List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
        spec.options().forEach(option -> texts.addAll(Arrays.asList(option.description())));
        return texts.stream().flatMap(text -> Arrays.stream(text.split("\\s+")))
                .filter(word -> word.contains("/"))
                .map(word -> word.replaceAll("^[(\"']+|[)\"',;:]+$|\\.$", ""))
                .filter(word -> !word.isEmpty()).toList();
    }

    private static CommandLine tree() {
        PrintWriter discard = new PrintWriter(new StringWriter());
        return Main.commandLine(new Environment(discard, discard, Map.of(), Clock.systemUTC(), false));
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine command = tree();
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }

    /** Every visible command's names from the top, e.g. [run], [project, add]. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(tree(), List.of(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().usageMessage().hidden() || !name.equals(sub.getCommandName())) {
                return;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }

    private static String pomVersion() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        return XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
    }
}
