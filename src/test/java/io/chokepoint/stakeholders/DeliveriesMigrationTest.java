package io.chokepoint.stakeholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/** V7 rebuilds the deliveries table for two more outcomes: every earlier row survives as it was. */
class DeliveriesMigrationTest {

    private static final ReportPeriod JANUARY = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    @Test
    void trackerAtV5_keepsEveryDeliveryRow_andTakesTheNewOutcomes() throws Exception {
        // given: a tracker made before V7, with a sent row, a row left SENDING and a resent outbox row
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO stakeholders (email, name, added_at) VALUES"
                    + " ('ana@example.org', 'Ana', '2026-01-01T00:00:00Z'), ('bo@example.org', 'Bo', '2026-01-01T00:00:00Z')");
            s.executeUpdate("INSERT INTO deliveries (id, period, recipient, outcome, attempts, message_id, server_reply,"
                    + " resend, started_at, finished_at) VALUES"
                    + " (4, '2026-01', 'ana@example.org', 'SENT', 2, '<m1@x>', '250 OK', 0, '2026-02-01T06:00:00Z',"
                    + " '2026-02-01T06:00:05Z'),"
                    + " (7, '2026-01', 'bo@example.org', 'SENDING', 0, NULL, NULL, 0, '2026-02-01T06:00:06Z', NULL),"
                    + " (9, '2026-01', 'ana@example.org', 'OUTBOX', 0, '<m2@x>', 'written', 1, '2026-02-02T06:00:00Z',"
                    + " '2026-02-02T06:00:01Z')");
        }

        // when
        DeliveryLog log = new DeliveryLog(TrackerDatabase.open(file));
        long uncertain = log.claimResend(JANUARY, "bo@example.org", Instant.parse("2026-02-03T06:00:00Z"));
        log.finish(uncertain, Outcome.UNCERTAIN, 1, "<m3@x>", null, "no reply", null, Instant.parse("2026-02-03T06:10:00Z"));

        // then: the old rows as they were, the new row after them, and bo in doubt
        assertThat(log.forPeriod(JANUARY)).extracting(DeliveryRecord::id, DeliveryRecord::recipient,
                DeliveryRecord::outcome, DeliveryRecord::attempts, DeliveryRecord::messageId, DeliveryRecord::resend)
                .containsExactly(tuple(4L, "ana@example.org", Outcome.SENT, 2, "<m1@x>", false),
                        tuple(7L, "bo@example.org", Outcome.SENDING, 0, null, false),
                        tuple(9L, "ana@example.org", Outcome.OUTBOX, 0, "<m2@x>", true),
                        tuple(10L, "bo@example.org", Outcome.UNCERTAIN, 1, "<m3@x>", true));
        assertThat(log.inDoubt(JANUARY)).extracting(DeliveryRecord::id).containsExactly(7L, 10L);
        assertThat(log.claim(JANUARY, "bo@example.org", Instant.parse("2026-02-04T06:00:00Z"))).isEmpty();
    }
}
