package io.chokepoint.cli;

import io.chokepoint.tracking.ReportPeriod;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --period YYYY-MM}; the message names the problem and the expected form. */
final class PeriodConverter implements ITypeConverter<ReportPeriod> {
    @Override
    public ReportPeriod convert(String value) {
        try {
            return ReportPeriod.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
