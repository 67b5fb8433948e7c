package io.chokepoint.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps JBeret's (and jboss-logging's) warnings and notes off the terminal: they are about its own bookkeeping
 * (JBERET000018 on every restart, object names such as {@code Chunk@481425ad}), and the command prints what the
 * operator needs in its own words. They still reach the run's log file, which has no such filter. Errors pass.
 */
final class LibraryNoiseFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String logger = event.getLoggerName();
        boolean library = logger.startsWith("org.jberet") || logger.startsWith("org.jboss");
        return library && !event.getLevel().isGreaterOrEqual(Level.ERROR) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
