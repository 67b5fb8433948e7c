package io.chokepoint.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.chokepoint.devtools.GenerateCommand;
import io.chokepoint.settings.SettingsException;
import io.chokepoint.tracking.TrackerException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code chokepoint} command line. The only place that exits the process; everything else returns an exit
 * code from {@link #run}, which tests call in-process.
 */
@Command(name = "chokepoint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Monthly report on where rare-earth processing capacity is being built.",
        footerHeading = "%nEnvironment of the installed launcher (bin/chokepoint):%n",
        footer = {"  JAVA_HOME        the Java 17+ to use (default: java on the PATH)",
                "  CHOKEPOINT_OPTS  extra JVM options, e.g. -Xmx1g",
                "  CHOKEPOINT_CDS   on (default): keep a class-data archive per installation and Java in",
                "                   $XDG_CACHE_HOME/chokepoint (default ~/.cache/chokepoint), made on first use by a",
                "                   training run of the sample month, for a quicker start; off: none"})
public final class Main {

    /**
     * The subcommands, in the order help lists them. Not in {@code @Command(subcommands=…)}: picocli builds the
     * model of every listed command (reflection over each one's options) before parsing, ~0.2 s of a sample month's
     * start, so a command line that names one of them gets only that one (see {@link #commandLine(Environment,
     * String...)}).
     */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, RestartCommand.class, StatusCommand.class,
            ImportCommand.class, ExportCommand.class, ProjectCommand.class, EventCommand.class, DeliverCommand.class,
            StakeholdersCommand.class, ScheduleCommand.class, GenerateCommand.class, InitCommand.class,
            AbandonCommand.class, DbCommand.class, CommandLine.HelpCommand.class);

    /** Global (every subcommand takes it); read from the arguments before parsing, see {@link #run}. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces on stderr (they always go to the run's log file).")
    boolean verbose;

    /** Global, like {@link #verbose}. */
    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "Print only errors.")
    boolean quiet;

    /** Help's width when it cannot tell the terminal's; wide enough that paths in descriptions stay whole. */
    private static final int HELP_WIDTH = 120;

    public static void main(String[] args) {
        // JBeret logs through jboss-logging; send it to SLF4J (POI's log4j-api would otherwise swallow it).
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(new Environment(out, err, System.getenv(), Clock.systemDefaultZone(), System.console() != null,
                System.in),
                args);
        out.flush();
        err.flush();
        // JBeret's worker threads are daemons and the JVM would otherwise linger; exit with the outcome.
        System.exit(code);
    }

    static int run(Environment given, String... args) {
        // --quiet and --verbose shape the streams every command is built with, so they are read before parsing.
        List<String> options = List.of(args).contains("--")
                ? List.of(args).subList(0, List.of(args).indexOf("--")) : List.of(args);
        boolean verbose = options.contains("--verbose");
        boolean quiet = options.contains("--quiet") && !verbose;
        Logging.console(verbose, quiet);
        Environment environment = quiet ? given.quietly() : given;
        CommandLine cli = commandLine(environment, options.toArray(String[]::new));
        cli.setOut(environment.out());
        cli.setErr(environment.err());
        cli.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            if (ex instanceof UnmatchedArgumentException unmatched) {
                Suggestions.didYouMean(unmatched).ifPresent(err::println);
            } else if (missingSubcommand(ex.getCommandLine())) {
                // A bare `chokepoint` (or `chokepoint project`): the message alone does not say what to type.
                ex.getCommandLine().usage(err);
            }
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // One line on the terminal; the trace only with --verbose (a run's trace is in its log file).
            commandLine.getErr().println(messageOf(ex));
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return userError(ex) ? ExitCode.INPUT : ExitCode.INTERNAL;
        });
        int code = cli.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /**
     * The command tree as users get it, also used at build time for the completion script and the man page: every
     * command prints the pom's version, and help uses the terminal's width (or {@value #HELP_WIDTH} columns when
     * there is no terminal) so that it does not break lines inside paths.
     */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, new String[0]);
    }

    /**
     * The command tree for these arguments: when the first one that is not a global option names a subcommand, the
     * root with that subcommand alone (what parsing them reaches; its help, errors and suggestions are its own);
     * otherwise every subcommand (help, a typo to suggest for, no command at all).
     */
    static CommandLine commandLine(Environment environment, String... args) {
        IFactory factory = factory(environment);
        CommandLine cli = new CommandLine(new Main(), factory);
        String first = java.util.Arrays.stream(args).filter(a -> !a.equals("--verbose") && !a.equals("--quiet"))
                .findFirst().orElse(null);
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
                .toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            cli.addSubcommand(command);
        }
        VersionProvider version = new VersionProvider();
        everyCommand(cli, command -> {
            if (command.getCommandSpec().versionProvider() == null) {
                command.getCommandSpec().versionProvider(version);
            }
        });
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    private static void everyCommand(CommandLine command, Consumer<CommandLine> action) {
        action.accept(command);
        command.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /** A command that only groups others was given none of them. */
    private static boolean missingSubcommand(CommandLine command) {
        return !command.getSubcommands().isEmpty() && command.getParseResult() != null
                && !command.getParseResult().hasSubcommand();
    }

    /** A problem with the input or the environment, which the message explains: exit 3. */
    private static boolean userError(Exception ex) {
        return ex instanceof TrackerException || ex instanceof SettingsException;
    }

    private static String messageOf(Exception ex) {
        if (userError(ex)) {
            return ex.getMessage();
        }
        return "internal error: " + String.valueOf(ex).replaceAll("\\s*[\\r\\n]+\\s*", " ")
                + " (run with --verbose for the stack trace, and please report it)";
    }

    /** Builds commands with what they need from the process instead of reading globals. */
    private static IFactory factory(Environment environment) {
        IFactory defaults = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                // A command that takes the Environment in its constructor gets it; anything else is picocli's.
                try {
                    return cls.getDeclaredConstructor(Environment.class).newInstance(environment);
                } catch (NoSuchMethodException e) {
                    return defaults.create(cls);
                }
            }
        };
    }
}
