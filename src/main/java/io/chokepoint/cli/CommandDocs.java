package io.chokepoint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only (run by Maven in prepare-package; picocli-codegen is not shipped): writes the bash completion
 * script and the man pages' AsciiDoc sources from the same command tree users get, so they cannot drift from the
 * options. Usage: {@code CommandDocs COMPLETION_FILE MAN_ADOC_DIR}.
 */
public final class CommandDocs {

    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CommandDocs COMPLETION_FILE MAN_ADOC_DIR");
        }
        Path completion = Path.of(args[0]);
        Path manPages = Path.of(args[1]);
        PrintWriter discard = new PrintWriter(new StringWriter());
        CommandLine cli = Main.commandLine(new Environment(discard, discard, Map.of(), Clock.systemUTC(), false));

        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, AutoComplete.bash("chokepoint", cli), StandardCharsets.UTF_8);

        Files.createDirectories(manPages);
        // One page per visible command: chokepoint(1), chokepoint-run(1), chokepoint-project-add(1), ...
        int status = ManPageGenerator.generateManPage(manPages.toFile(), null, new boolean[0], true,
                cli.getCommandSpec());
        if (status != 0) {
            throw new IllegalStateException("man page generation failed with status " + status);
        }
    }
}
