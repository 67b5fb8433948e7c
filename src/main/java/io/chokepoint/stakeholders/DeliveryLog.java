package io.chokepoint.stakeholders;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.jdbi.v3.core.Jdbi;

import io.chokepoint.tracking.store.Dialect;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The tracker's {@code deliveries} table: who was sent which period's report, when, how it went.
 *
 * <p>Exactly once per period and recipient rests on {@link #claim}: before a message is built, a SENDING row is
 * inserted by one statement that checks, atomically (SQLite runs one writer at a time), that the recipient has
 * no SENDING, SENT, OUTBOX, REJECTED or UNCERTAIN row for the period. Two processes delivering the same period therefore
 * cannot both send to one recipient, and a rerun or restart finds what was done. The SENDING row is then
 * {@linkplain #finish finished} with the outcome. Thread-safe: every call uses its own connection.
 */
public final class DeliveryLog {

    private final Jdbi jdbi;
    private final Dialect dialect;

    public DeliveryLog(TrackerDatabase tracker) {
        this.jdbi = tracker.jdbi();
        this.dialect = tracker.dialect();
    }

    /**
     * Claims the recipient's regular delivery of the period: inserts a SENDING row unless the recipient already
     * has the report, has been rejected, or is being (or was, with an unknown outcome: SENDING or UNCERTAIN) sent
     * it.
     *
     * @return the row's id, or empty if there is nothing to send to this recipient
     */
    public OptionalLong claim(ReportPeriod period, String recipient, Instant at) {
        return jdbi.withHandle(h -> {
            String claim = """
                    INSERT INTO deliveries (period, recipient, outcome, started_at)
                    SELECT :period, :recipient, 'SENDING', :at
                    WHERE NOT EXISTS (SELECT 1 FROM deliveries
                                      WHERE period = :period AND recipient = :recipient
                                        AND outcome IN ('SENDING', 'SENT', 'OUTBOX', 'REJECTED', 'UNCERTAIN'))""";
            if (dialect == Dialect.POSTGRESQL) {
                // PostgreSQL runs writers side by side: a lock on (period, recipient) until this transaction ends
                // makes the check and the insert one step, as SQLite's single writer does.
                return h.inTransaction(t -> {
                    t.createQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                            .bind("key", "delivery " + period + " " + recipient.toLowerCase(java.util.Locale.ROOT))
                            .mapTo(String.class).one();
                    return t.createQuery(claim.replace("SELECT :period, :recipient, 'SENDING', :at",
                                "SELECT CAST(:period AS text), CAST(:recipient AS text), 'SENDING', CAST(:at AS timestamptz)")
                                + " RETURNING id")
                        .bind("period", period.toString())
                        .bind("recipient", recipient)
                        .bind("at", at.toString())
                        .mapTo(Long.class)
                        .findOne()
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty());
                });
            }
            int inserted = h.createUpdate(claim)
                    .bind("period", period.toString())
                    .bind("recipient", recipient)
                    .bind("at", at.toString())
                    .execute();
            return inserted == 1
                    ? OptionalLong.of(h.createQuery("SELECT last_insert_rowid()").mapTo(Long.class).one())
                    : OptionalLong.empty();
        });
    }

    /** Inserts a SENDING row for a delivery sent again on purpose, whatever was done before. */
    public long claimResend(ReportPeriod period, String recipient, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO deliveries (period, recipient, outcome, resend, started_at)
                        VALUES (:period, :recipient, 'SENDING', 1, :at)""")
                .bind("period", period.toString())
                .bind("recipient", recipient)
                .bind("at", at.toString())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** Records the outcome of a claimed delivery. */
    public void finish(long id, DeliveryRecord.Outcome outcome, int attempts, String messageId,
                       String attachmentSha256, String serverReply, Path outboxFile, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == DeliveryRecord.Outcome.SENDING) {
            throw new IllegalArgumentException("a finished delivery needs an outcome other than SENDING");
        }
        int updated = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE deliveries SET outcome = :outcome, attempts = :attempts, message_id = :message_id,
                               attachment_sha256 = :sha256, server_reply = :reply, outbox_file = :outbox,
                               finished_at = :at
                        WHERE id = :id AND outcome = 'SENDING'""")
                .bind("id", id)
                .bind("outcome", outcome.name())
                .bind("attempts", attempts)
                .bind("message_id", messageId)
                .bind("sha256", attachmentSha256)
                .bind("reply", serverReply)
                .bind("outbox", outboxFile == null ? null : outboxFile.toString())
                .bind("at", at.toString())
                .execute());
        if (updated != 1) {
            throw new IllegalStateException("delivery " + id + " is not a SENDING row");
        }
    }

    /** Whether the recipient has the period's report: a SENT or OUTBOX row (one lookup on the index). */
    public boolean delivered(ReportPeriod period, String recipient) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM deliveries
                                       WHERE period = :period AND recipient = :recipient AND outcome IN ('SENT', 'OUTBOX'))""")
                .bind("period", period.toString())
                .bind("recipient", recipient)
                .mapTo(Boolean.class)
                .one());
    }

    /** Every delivery row of the period, oldest first. */
    public List<DeliveryRecord> forPeriod(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM deliveries WHERE period = :period ORDER BY id")
                .bind("period", period.toString())
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /**
     * The deliveries whose outcome is unknown (UNCERTAIN, or SENDING: in flight, or left so by a process that
     * ended mid-send) of active stakeholders who have no SENT or OUTBOX row for the period, by period, oldest
     * first. These are what {@code deliver --resend --to ADDRESS --period P} is for.
     *
     * @param period one period, or null for every period
     */
    public List<DeliveryRecord> inDoubt(ReportPeriod period) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM deliveries d
                        WHERE outcome IN ('SENDING', 'UNCERTAIN') AND (CAST(:period AS text) IS NULL OR period = :period)
                          AND NOT EXISTS (SELECT 1 FROM deliveries settled
                                          WHERE settled.period = d.period AND settled.recipient = d.recipient
                                            AND settled.outcome IN ('SENT', 'OUTBOX'))
                          AND EXISTS (SELECT 1 FROM stakeholders s WHERE s.email = d.recipient AND s.active = 1)
                        ORDER BY period, id""")
                .bind("period", period == null ? null : period.toString())
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /** Every delivery row, oldest first. */
    public List<DeliveryRecord> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM deliveries ORDER BY id")
                .map((rs, ctx) -> record(rs))
                .list());
    }

    private static DeliveryRecord record(ResultSet rs) throws SQLException {
        String outbox = rs.getString("outbox_file");
        String finished = rs.getString("finished_at");
        return new DeliveryRecord(rs.getLong("id"), ReportPeriod.parse(rs.getString("period")),
                rs.getString("recipient"), DeliveryRecord.Outcome.valueOf(rs.getString("outcome")),
                rs.getInt("attempts"), rs.getString("message_id"), rs.getString("attachment_sha256"),
                rs.getString("server_reply"), outbox == null ? null : Path.of(outbox), rs.getInt("resend") == 1,
                Dialect.instant(rs, "started_at"), finished == null ? null : Dialect.instant(rs, "finished_at"));
    }
}
