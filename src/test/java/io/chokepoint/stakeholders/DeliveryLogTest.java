package io.chokepoint.stakeholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.stakeholders.DeliveryRecord.Outcome;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

class DeliveryLogTest {

    private static final ReportPeriod DECEMBER = ReportPeriod.parse("2025-12");
    private static final Instant T0 = Instant.parse("2026-01-02T06:00:00Z");
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    private TrackerDatabase tracker;
    private DeliveryLog log;

    @BeforeEach
    void emptyTracker() {
        tracker = TrackerDatabase.createEmpty(dir.resolve("tracker.db"));
        log = new DeliveryLog(tracker);
    }

    @Test
    void claim_isGrantedOnce_andTheFinishedRowIsRecordedWhole() {
        // given
        long id = log.claim(DECEMBER, "ana@example.org", T0).orElseThrow();

        // when: a second claim while the first is in flight, then the outcome, then a third claim
        OptionalLong whileSending = log.claim(DECEMBER, "ANA@example.org", T0);
        log.finish(id, Outcome.SENT, 2, "<m1@example.org>", SHA, "250 2.0.0 OK", null, T0.plusSeconds(3));
        OptionalLong afterSent = log.claim(DECEMBER, "ana@example.org", T0.plusSeconds(4));

        // then
        assertThat(whileSending).isEmpty();
        assertThat(afterSent).isEmpty();
        assertThat(log.delivered(DECEMBER, "Ana@Example.org")).isTrue();
        assertThat(log.delivered(DECEMBER.next(), "ana@example.org")).isFalse();
        assertThat(log.forPeriod(DECEMBER)).containsExactly(new DeliveryRecord(id, DECEMBER, "ana@example.org",
                Outcome.SENT, 2, "<m1@example.org>", SHA, "250 2.0.0 OK", null, false, T0, T0.plusSeconds(3)));
    }

    @Test
    void failed_isClaimedAgain_rejected_isNot_resend_always() {
        long failed = log.claim(DECEMBER, "ana@example.org", T0).orElseThrow();
        log.finish(failed, Outcome.FAILED, 3, "<m1@example.org>", SHA, "cannot connect to smtp:25", null, T0);
        long rejected = log.claim(DECEMBER, "bo@example.org", T0).orElseThrow();
        log.finish(rejected, Outcome.REJECTED, 1, "<m2@example.org>", SHA, "550 5.1.1 no such user", null, T0);

        assertThat(log.claim(DECEMBER, "ana@example.org", T0)).isPresent();
        assertThat(log.claim(DECEMBER, "bo@example.org", T0)).isEmpty();
        long resent = log.claimResend(DECEMBER, "bo@example.org", T0);
        log.finish(resent, Outcome.OUTBOX, 0, "<m3@example.org>", SHA, "written", Path.of("/r/x.eml"), T0);
        assertThat(log.forPeriod(DECEMBER)).extracting(DeliveryRecord::recipient, DeliveryRecord::outcome,
                DeliveryRecord::resend).containsExactly(
                tuple("ana@example.org", Outcome.FAILED, false),
                tuple("bo@example.org", Outcome.REJECTED, false),
                tuple("ana@example.org", Outcome.SENDING, false),
                tuple("bo@example.org", Outcome.OUTBOX, true));
        assertThat(log.delivered(DECEMBER, "bo@example.org")).isTrue();
    }

    @Test
    void deliveredLookup_isOneSearchOnTheIndex() {
        List<String> plan = tracker.jdbi().withHandle(h -> h.createQuery("""
                        EXPLAIN QUERY PLAN SELECT 1 FROM deliveries
                        WHERE period = '2025-12' AND recipient = 'ana@example.org' AND outcome IN ('SENT', 'OUTBOX')""")
                .map((rs, ctx) -> rs.getString("detail")).list());

        assertThat(plan).singleElement().asString().contains("SEARCH deliveries USING COVERING INDEX deliveries_by_recipient");
    }
}
