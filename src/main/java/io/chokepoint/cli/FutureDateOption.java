package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;

import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.FutureDates;

import picocli.CommandLine.Option;

/** {@code --allow-future}, shared by import and the edits: dates more than a year ahead are refused without it. */
final class FutureDateOption {

    @Option(names = "--allow-future",
            description = "Accept dates more than a year after today, with a warning (refused without it).")
    boolean allowFuture;

    FutureDates rule(Clock clock) {
        return new FutureDates(LocalDate.now(clock), allowFuture);
    }

    /** Warns about the accepted far-future dates of an edit (refused ones never get this far). */
    void warn(Clock clock, FieldInput input, PrintWriter err) {
        if (allowFuture) {
            rule(clock).find(input.values(), input.label()).forEach(w -> err.println("warning: " + w));
        }
    }
}
