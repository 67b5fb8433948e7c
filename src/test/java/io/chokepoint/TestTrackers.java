package io.chokepoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.chokepoint.tracking.TrackerDatabase;

/** Builds real tracker files for tests from the SQL seed scripts in {@code fixtures/}. */
public final class TestTrackers {
    private TestTrackers() {
    }

    /** A new tracker at {@code file} with the current schema and the rows of {@code fixtures/<name>.sql}. */
    public static TrackerDatabase seeded(Path file, String name) {
        TrackerDatabase db = TrackerDatabase.createEmpty(file);
        String script = fixture(name + ".sql");
        db.jdbi().useHandle(h -> h.createScript(script).execute());
        return db;
    }

    public static String fixture(String name) {
        try (InputStream in = TestTrackers.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
