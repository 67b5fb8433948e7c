package io.chokepoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.chokepoint.tracking.store.TrackerDatabase;

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

    /** Row counts and a digest of every column of every row of the tracker's three tables (not when recorded). */
    public record Contents(int projects, int events, int baselines, String sha256) {
    }

    /** What the tracker holds now, to compare before and after a command. */
    public static Contents contents(Path db) {
        TrackerDatabase tracker = TrackerDatabase.connect(db);
        return tracker.jdbi().withHandle(h -> {
            MessageDigest digest = sha256();
            int[] counts = new int[3];
            List<String> queries = List.of("SELECT * FROM project ORDER BY rowid",
                    "SELECT * FROM facility_event ORDER BY id", "SELECT * FROM baseline ORDER BY id");
            for (int i = 0; i < queries.size(); i++) {
                for (Map<String, Object> row : h.createQuery(queries.get(i)).mapToMap().list()) {
                    row.remove("recorded_at"); // when a fact was recorded differs between trackers holding it
                    digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
                    counts[i]++;
                }
            }
            return new Contents(counts[0], counts[1], counts[2], HexFormat.of().formatHex(digest.digest()));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
