package io.chokepoint.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings a reader knows, and the namespaces in which an unknown name is an error rather than a warning
 * (a misspelt {@code smtp.pasword} must not quietly fall back to the outbox; an unknown key elsewhere in the
 * file may belong to a newer version, so it is only a warning). Both kinds of message name the nearest known
 * setting.
 *
 * @param keys           every known setting
 * @param strictPrefixes key or variable prefixes under which an unknown name is an error ({@code ""}: all of them)
 */
public record SettingsCatalog(List<SettingKey> keys, List<String> strictPrefixes) {

    public SettingsCatalog {
        keys = List.copyOf(keys);
        strictPrefixes = List.copyOf(strictPrefixes);
    }

    /** Both catalogs together. */
    public SettingsCatalog plus(SettingsCatalog other) {
        List<SettingKey> all = new ArrayList<>(keys);
        other.keys.stream().filter(k -> !all.contains(k)).forEach(all::add);
        List<String> strict = new ArrayList<>(strictPrefixes);
        strict.addAll(other.strictPrefixes);
        return new SettingsCatalog(all, strict);
    }

    boolean knowsKey(String key) {
        return keys.stream().anyMatch(k -> key.equals(k.key()));
    }

    Optional<SettingKey> byEnv(String env) {
        return keys.stream().filter(k -> env.equals(k.env())).findFirst();
    }

    boolean strict(String name) {
        return strictPrefixes.stream().anyMatch(name::startsWith);
    }

    /** The known key closest to {@code key} by edit distance. */
    String nearestKey(String key) {
        return nearest(key, keys.stream().map(SettingKey::key).filter(Objects::nonNull).toList());
    }

    /** The known variable closest to {@code env} by edit distance. */
    String nearestEnv(String env) {
        return nearest(env, keys.stream().map(SettingKey::env).filter(Objects::nonNull).toList());
    }

    private static String nearest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest single-character edits that turn one string into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
