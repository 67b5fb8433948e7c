package io.chokepoint.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The default logging, set up in code rather than from a {@code logback.xml}: parsing that XML was a tenth of a
 * small run's start-up. Diagnostics go to stderr (stdout carries the command's own output); lines are dated, as a
 * cron line appends them to one file; stack traces go to the run's log file, and to the terminal only when asked
 * ({@link Logging}). Our loggers log from INFO, the libraries' from WARN; JBeret's below ERROR only to the
 * run's log file ({@link LibraryNoiseFilter}).
 *
 * <p>Found by logback through {@code META-INF/services}. A {@code -Dlogback.configurationFile} (the benchmark's)
 * still wins: then this steps aside.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    /** The console appender's name, which {@link Logging} looks up. */
    static final String CONSOLE = "STDERR";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(Logging.DATED + "%nopex");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setTarget("System.err");
        console.setEncoder(encoder);
        LibraryNoiseFilter libraryNoise = new LibraryNoiseFilter();
        libraryNoise.start();
        console.addFilter(libraryNoise);
        console.start();
        context.getLogger("io.chokepoint").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
