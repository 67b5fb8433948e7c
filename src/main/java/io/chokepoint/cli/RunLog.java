package io.chokepoint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import io.chokepoint.tracking.store.TrackerFile;

/**
 * A run's own log file, {@code reports/YYYY-MM/run-<execution>.log}: every log line of the process while the run
 * lasts, dated, with full stack traces (the terminal gets one line per error). Lines logged before the execution
 * has an id are kept in memory and written first.
 */
final class RunLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> early = new ArrayList<>();
    private final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    private final Logger root;
    private OutputStream file;
    private Path path;

    private RunLog(LoggerContext context) {
        setContext(context);
        setName("run-log");
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Starts collecting the process's log lines; null when logging is not logback's (then nothing is kept). */
    static RunLog collect() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        RunLog log = new RunLog(context);
        log.start();
        log.root.addAppender(log);
        return log;
    }

    /** From now on, and for the lines kept so far, writes to {@code target} (appending). */
    synchronized void writeTo(Path target, String header) {
        try {
            Files.createDirectories(target.getParent());
            // Owner-only, like the tracker: the log names every stakeholder's address and the tracker's paths,
            // while the reports beside it are made to be shared. A restart of the same execution appends.
            if (!Files.exists(target)) {
                TrackerFile.createPrivate(target);
            }
            file = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            file.write(header.getBytes(StandardCharsets.UTF_8));
            for (ILoggingEvent event : early) {
                file.write(encoder.encode(event));
            }
            file.flush();
            early.clear();
            path = target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's log " + target + ": " + e.getMessage(), e);
        }
    }

    /** The file, once {@link #writeTo} has been called. */
    synchronized Path path() {
        return path;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (file == null) {
            event.prepareForDeferredProcessing();
            early.add(event);
            return;
        }
        try {
            file.write(encoder.encode(event));
            file.flush();
        } catch (IOException e) {
            addError("cannot write the run's log " + path, e);
        }
    }

    /** Writes a line of our own (no logger), e.g. how the run ended. */
    synchronized void line(String text) {
        if (file == null) {
            return;
        }
        try {
            file.write((java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss.SSS")) + " " + text + "\n").getBytes(StandardCharsets.UTF_8));
            file.flush();
        } catch (IOException e) {
            addError("cannot write the run's log " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        root.detachAppender(this);
        stop();
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // the log is a diagnostic: the run's outcome stands
            }
        }
    }
}
