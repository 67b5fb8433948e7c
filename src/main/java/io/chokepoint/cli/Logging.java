package io.chokepoint.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

/**
 * The console's log lines (stderr), as {@code --verbose} and {@code --quiet} ask. Lines are dated, since a cron
 * line appends them to one file. Stack traces reach the terminal only with {@code --verbose}; they always go to the
 * run's own log file, and so do JBeret's warnings, which the terminal gets only with {@code --verbose}
 * ({@link LibraryNoiseFilter}). Set for every command line, so that one in-process run does not leak into the next.
 */
final class Logging {

    /** The appender that writes to stderr ({@link ConsoleLogConfigurator}, or the benchmark's logback file). */
    private static final String CONSOLE = ConsoleLogConfigurator.CONSOLE;
    static final String DATED = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    private Logging() {
    }

    static void console(boolean verbose, boolean quiet) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(CONSOLE);
        if (!(appender instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(DATED + (verbose ? "" : "%nopex"));
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.clearAllFilters();
        if (!verbose) {
            LibraryNoiseFilter libraryNoise = new LibraryNoiseFilter();
            libraryNoise.start();
            console.addFilter(libraryNoise);
        }
        if (quiet) {
            ThresholdFilter errorsOnly = new ThresholdFilter();
            errorsOnly.setLevel(Level.ERROR.levelStr);
            errorsOnly.start();
            console.addFilter(errorsOnly);
        }
        console.start();
    }
}
