package io.chokepoint.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean: run?" for a mistyped subcommand or option. picocli's own suggestions compare letter pairs, which
 * finds nothing for short typos such as {@code rn}; an edit distance does.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The line to print after the error, or empty when no visible subcommand or option is close. */
    static Optional<String> didYouMean(UnmatchedArgumentException ex) {
        List<String> unmatched = ex.getUnmatched();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        String typed = unmatched.get(0);
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> candidates;
        if (typed.startsWith("-")) {
            typed = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            candidates = spec.options().stream().filter(option -> !option.hidden())
                    .flatMap(option -> List.of(option.names()).stream()).toList();
        } else {
            candidates = spec.subcommands().entrySet().stream()
                    .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden())
                    .map(Map.Entry::getKey).toList();
        }
        String word = typed;
        // A typo of a third of the word, at least two letters: rn -> run, --perod -> --period, stauts -> status.
        int threshold = Math.max(2, word.length() / 3);
        LevenshteinDistance distance = new LevenshteinDistance(threshold);
        Map<Integer, List<String>> byDistance = candidates.stream().distinct()
                .filter(candidate -> distance.apply(word, candidate) >= 0)
                .collect(Collectors.groupingBy(candidate -> distance.apply(word, candidate)));
        return byDistance.entrySet().stream().min(Comparator.comparing(Map.Entry::getKey))
                .map(closest -> "Did you mean: " + String.join(" or ", closest.getValue().stream().sorted().toList()) + "?");
    }
}
