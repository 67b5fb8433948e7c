package io.chokepoint.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chokepoint.tracking.FieldInput;
import io.chokepoint.tracking.store.TrackerEdits;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Edit options are named after the CSV columns ({@code --facility-id} for {@code facility_id}), except an event's
 * kind ({@code --kind} for the column {@code event}). Only options given on the command line are passed on, so an
 * update changes exactly what was given, and problems name the option that was given.
 */
final class OptionColumns {

    private OptionColumns() {
    }

    /** The given options among {@code columns}, as column values with option names for problems. */
    static FieldInput given(ParseResult parsed, List<String> columns) {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String column = column(option.longestName());
            if (columns.contains(column)) {
                values.put(column, option.getValue());
            }
        }
        return new FieldInput(values, OptionColumns::option);
    }

    static String column(String option) {
        String name = option.replaceFirst("^--", "").replace('-', '_');
        return name.equals("kind") ? "event" : name;
    }

    static String option(String column) {
        return switch (column) {
            case "event" -> "--kind";
            case TrackerEdits.PROJECT -> "PROJECT_ID";
            case "row" -> "options";
            default -> "--" + column.replace('_', '-');
        };
    }
}
