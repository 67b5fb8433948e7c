package io.chokepoint.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one settings loader: the values of a properties file and of the {@code CHOKEPOINT_*} environment
 * variables, each with where it came from, checked against a {@link SettingsCatalog}. An unknown name in a strict
 * namespace is an error, any other unknown name a warning; both name the nearest known setting. Values are kept as
 * written (the reader of each setting trims, parses and checks it), so that a password keeps its blanks.
 *
 * <p>Immutable and thread-safe.
 */
public final class Settings {

    /** One configured value and where it came from, e.g. "smtp.port in /etc/chokepoint.properties". */
    public record Value(String name, String value, String origin, Path baseDirectory) {
    }

    private final Map<String, Value> file;
    private final Map<String, Value> environment;
    private final List<String> warnings;

    private Settings(Map<String, Value> file, Map<String, Value> environment, List<String> warnings) {
        this.file = file;
        this.environment = environment;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads the settings.
     *
     * @param file    the properties file; null or absent for none (whether an absent file is an error is the caller's
     *                decision: an explicit {@code --config} must exist, the default one need not)
     * @param env     the process environment; only {@code CHOKEPOINT_*} variables are looked at
     * @param catalog the settings this reader knows
     * @throws SettingsException for an unreadable file or an unknown name in a strict namespace
     */
    public static Settings load(Path file, Map<String, String> env, SettingsCatalog catalog) {
        List<String> warnings = new ArrayList<>();
        Map<String, Value> fromFile = new LinkedHashMap<>();
        if (file != null && Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage()
                        + "; it must be a readable UTF-8 properties file", e);
            }
            Path base = file.toAbsolutePath().getParent();
            for (String key : new TreeMap<>(propertiesMap(properties)).keySet()) {
                if (!catalog.knowsKey(key)) {
                    String message = "unknown setting '" + printable(key) + "' in " + file + ": did you mean "
                            + catalog.nearestKey(key) + "?";
                    if (catalog.strict(key)) {
                        throw new SettingsException(message);
                    }
                    warnings.add(message + " It is ignored.");
                    continue;
                }
                fromFile.put(key, new Value(key, properties.getProperty(key), key + " in " + file, base));
            }
        }
        Map<String, Value> fromEnv = new LinkedHashMap<>();
        for (String name : new TreeMap<>(env).keySet()) {
            if (!name.startsWith(SettingKey.ENV_PREFIX)) {
                continue;
            }
            Optional<SettingKey> known = catalog.byEnv(name);
            if (known.isEmpty()) {
                String message = "unknown environment variable " + printable(name) + ": did you mean "
                        + catalog.nearestEnv(name) + "?";
                if (catalog.strict(name)) {
                    throw new SettingsException(message);
                }
                warnings.add(message + " It is ignored.");
                continue;
            }
            String value = env.get(name) == null ? "" : env.get(name);
            String key = known.get().key() != null ? known.get().key() : name;
            fromEnv.put(key, new Value(key, value, "environment variable " + name, null));
        }
        return new Settings(fromFile, fromEnv, warnings);
    }

    private static Map<String, String> propertiesMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }

    /** The file's values whose key starts with {@code prefix}, in key order. */
    public Map<String, Value> fromFile(String prefix) {
        Map<String, Value> selected = new LinkedHashMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                selected.put(k, v);
            }
        });
        return selected;
    }

    /** The environment's values whose key (or, for a variable without one, its name) starts with {@code prefix}. */
    public Map<String, Value> fromEnvironment(String prefix) {
        Map<String, Value> selected = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                selected.put(k, v);
            }
        });
        return selected;
    }

    /** A value from the environment if set there, else from the file. */
    public Optional<Value> get(String name) {
        Value fromEnv = environment.get(name);
        return Optional.ofNullable(fromEnv != null ? fromEnv : file.get(name));
    }

    /** One line per unknown name outside the strict namespaces, naming the nearest known one. */
    public List<String> warnings() {
        return warnings;
    }

    /** Control characters shown as {@code \\uXXXX}, so a message stays one line. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
