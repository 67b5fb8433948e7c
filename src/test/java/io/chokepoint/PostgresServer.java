package io.chokepoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.chokepoint.tracking.store.PostgresLogin;

/**
 * A fresh PostgreSQL database per test class, owned by a fresh role with a password, on the server that
 * {@code .ci/postgres.sh start} made and named in {@code TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}
 * (an administrator). Without a server the tests are skipped, saying why, except in CI ({@code CI=true}), where
 * they fail: the PostgreSQL backend is never left untested there. Both are dropped after the class.
 *
 * <p>Use as {@code @RegisterExtension static final PostgresServer pg = new PostgresServer();}.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {

    private String adminUrl;
    private String adminUser;
    private String adminPassword;
    private final java.util.List<String> databases = new java.util.ArrayList<>();
    private final java.util.List<String> roles = new java.util.ArrayList<>();
    private PostgresLogin login;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        adminUrl = System.getenv("TEST_PG_URL");
        adminUser = System.getenv("TEST_PG_USER");
        adminPassword = System.getenv("TEST_PG_PASSWORD");
        if (adminUrl == null || adminUrl.isBlank()) {
            String why = "no PostgreSQL server for tests: TEST_PG_URL is not set (start one with:"
                    + " eval \"$(.ci/postgres.sh start)\")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; in CI the PostgreSQL tests must run");
            }
            Assumptions.abort(why);
        }
        login = newDatabase();
    }

    /** The class's database, as its owner (not a superuser). */
    public PostgresLogin login() {
        return login;
    }

    /** Another fresh database with its own owner (e.g. the target of a copy). */
    public PostgresLogin newDatabase() throws SQLException {
        String name = "cp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        String password = "pw-" + UUID.randomUUID();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        roles.add(name);
        databases.add(name);
        return new PostgresLogin(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name, name, password);
    }

    /** The environment that points the command line at {@code login}: CHOKEPOINT_DB, _USER, _PASSWORD. */
    public static Map<String, String> env(PostgresLogin login) {
        Map<String, String> env = new HashMap<>();
        env.put("CHOKEPOINT_DB", login.url());
        env.put("CHOKEPOINT_DB_USER", login.user());
        env.put("CHOKEPOINT_DB_PASSWORD", login.password());
        return env;
    }

    /** A connection as the server's administrator. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, adminUser, adminPassword);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (adminUrl == null || adminUrl.isBlank()) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String database : databases) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            for (String role : roles) {
                s.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
