package io.chokepoint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chokepoint.settings.SettingKey;
import io.chokepoint.settings.Settings;
import io.chokepoint.settings.SettingsCatalog;
import io.chokepoint.settings.SettingsException;
import io.chokepoint.tracking.store.PostgresLogin;

/**
 * The login to a tracker on a PostgreSQL server, through the one settings loader: the user from
 * {@code CHOKEPOINT_DB_USER}; the password from {@code CHOKEPOINT_DB_PASSWORD}, else from the file named by
 * {@code CHOKEPOINT_DB_PASSWORD_FILE} (its first line), else none, and then the PostgreSQL driver reads
 * {@code ~/.pgpass} (or {@code PGPASSFILE}) itself, as psql does. A misspelt {@code CHOKEPOINT_DB_*} variable is an
 * error: it would otherwise log in without the password meant.
 */
final class DatabaseLogin {

    static final String USER = "db.user";
    static final String PASSWORD = "db.password";
    static final String PASSWORD_FILE = "db.password-file";

    /** The database settings; {@code CHOKEPOINT_DB} itself is named by {@link TrackerOptions}. */
    static final SettingsCatalog CATALOG = new SettingsCatalog(List.of(
            SettingKey.envOnly("CHOKEPOINT_DB"),
            SettingKey.of(USER),
            SettingKey.of(PASSWORD),
            SettingKey.of(PASSWORD_FILE)), List.of("CHOKEPOINT_DB_"));

    private DatabaseLogin() {
    }

    /**
     * @param url the {@code jdbc:postgresql:} URL given with {@code --db} or {@code CHOKEPOINT_DB}
     * @param env the process environment
     * @throws SettingsException one line, naming the variable (never the password)
     */
    static PostgresLogin resolve(String url, Map<String, String> env) {
        Settings settings = Settings.load(null, env, CATALOG.plus(allOtherVariables(env)));
        String user = settings.get(USER).map(Settings.Value::value).map(String::strip).filter(u -> !u.isEmpty())
                .orElse(null);
        Optional<Settings.Value> inline = settings.get(PASSWORD).filter(v -> !v.value().isEmpty());
        Optional<Settings.Value> named = settings.get(PASSWORD_FILE).filter(v -> !v.value().isBlank());
        if (inline.isPresent() && named.isPresent()) {
            throw new SettingsException("both CHOKEPOINT_DB_PASSWORD and CHOKEPOINT_DB_PASSWORD_FILE are set: keep one");
        }
        String password = inline.map(Settings.Value::value).orElse(null);
        if (named.isPresent()) {
            password = readPasswordFile(Path.of(named.get().value().strip()));
        }
        return new PostgresLogin(url, user, password);
    }

    private static String readPasswordFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new SettingsException("CHOKEPOINT_DB_PASSWORD_FILE " + file + " is empty: its first line is the"
                        + " database password");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new SettingsException("CHOKEPOINT_DB_PASSWORD_FILE " + file + ": cannot read it (" + e.getClass()
                    .getSimpleName() + "); give a readable file whose first line is the database password", e);
        }
    }

    /** Other {@code CHOKEPOINT_*} variables are other settings' business: known here, so not reported. */
    private static SettingsCatalog allOtherVariables(Map<String, String> env) {
        return new SettingsCatalog(env.keySet().stream()
                .filter(name -> name.startsWith(SettingKey.ENV_PREFIX) && !name.startsWith("CHOKEPOINT_DB_"))
                .map(SettingKey::envOnly).toList(), List.of());
    }
}
