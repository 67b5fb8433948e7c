package io.chokepoint.tracking.store;

import io.chokepoint.tracking.TrackerException;
import java.util.Objects;

/**
 * How to reach a tracker on a PostgreSQL server: its JDBC URL ({@code jdbc:postgresql://host:port/db}), the user and
 * the password. The password is kept out of {@link #toString()}, so that no message, log line or job parameter made
 * from this record carries it; {@link #url()} never holds it (a URL with a password in it is refused).
 *
 * @param password null when none is configured: the driver then looks in {@code ~/.pgpass} itself
 */
public record PostgresLogin(String url, String user, String password) {

    /** The prefix that makes a {@code --db} value a server rather than a file. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public PostgresLogin {
        Objects.requireNonNull(url, "url");
        if (!isServerUrl(url)) {
            throw new TrackerException("not a PostgreSQL JDBC URL: " + url + "; expected jdbc:postgresql://host:port/db");
        }
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase() : "";
        if (query.contains("password=")) {
            throw new TrackerException("the database URL carries a password; take it out of the URL and give it with"
                    + " CHOKEPOINT_DB_PASSWORD, CHOKEPOINT_DB_PASSWORD_FILE or ~/.pgpass");
        }
    }

    /** Whether {@code db} names a PostgreSQL server rather than a SQLite file. */
    public static boolean isServerUrl(String db) {
        return db != null && db.startsWith(URL_PREFIX);
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
