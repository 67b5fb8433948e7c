package io.chokepoint.cli;

import io.chokepoint.tracking.TrackerTable;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code projects|events|baselines}; the message lists the three. */
final class TableConverter implements ITypeConverter<TrackerTable> {
    @Override
    public TrackerTable convert(String value) {
        try {
            return TrackerTable.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
