package io.chokepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * A large tracker made with SQL: the small fixture plus many generated projects across every stage, country mix
 * and status, so that the snapshot step runs long enough (with a small chunk size) to be interrupted mid-way.
 */
public final class GeneratedTracker {

    private GeneratedTracker() {
    }

    /** The small fixture's 8 projects plus {@code generated} more. */
    public static TrackerDatabase create(Path file, int generated) {
        TrackerDatabase db = TestTrackers.seeded(file, "small-tracker");
        db.jdbi().useHandle(h -> h.createUpdate("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
                INSERT INTO project (id, facility_id, company, owner_country, facility, country, region, stage, status,
                                     status_as_of, capacity_tpa, capacity_unit, capacity_basis, investment_amount,
                                     investment_currency, investment_usd_m, announced_on, target_year, offtake,
                                     offtake_binding, confidence, sources, notes)
                SELECT printf('GEN-%06d-P', i), printf('GEN-%06d', i), 'Generated Co ' || (i % 97),
                       CASE i % 5 WHEN 0 THEN 'CN' WHEN 1 THEN 'US' WHEN 2 THEN 'AU' WHEN 3 THEN 'KR' ELSE 'JP' END,
                       'Plant ' || i,
                       CASE i % 6 WHEN 0 THEN 'CN' WHEN 1 THEN 'US' WHEN 2 THEN 'AU' WHEN 3 THEN 'VN' WHEN 4 THEN 'JP'
                                  ELSE 'MY' END,
                       NULL,
                       CASE i % 7 WHEN 0 THEN 'mining' WHEN 1 THEN 'concentration' WHEN 2 THEN 'separation'
                                  WHEN 3 THEN 'metal' WHEN 4 THEN 'alloy' WHEN 5 THEN 'magnet' ELSE 'recycling' END,
                       CASE i % 4 WHEN 0 THEN 'operating' WHEN 1 THEN 'announced' WHEN 2 THEN 'under_construction'
                                  ELSE 'approved' END,
                       '2025-06-01', 10 + (i % 50),
                       CASE i % 7 WHEN 0 THEN 't REO' WHEN 1 THEN 't REO' WHEN 2 THEN 't REO' WHEN 3 THEN 't metal'
                                  WHEN 4 THEN 't alloy' WHEN 5 THEN 't magnet' ELSE 't feed' END,
                       'nameplate', NULL, NULL, NULL, '2024-01-01', 2027 + (i % 3), NULL, 'unknown', 'medium',
                       'generated', NULL
                FROM n""").bind("count", generated).execute());
        return db;
    }

    /** A byte copy of a tracker that no connection has open (SQLite has folded its WAL back into the file). */
    public static Path copy(TrackerDatabase db, Path target) {
        try {
            Files.copy(db.file(), target, StandardCopyOption.COPY_ATTRIBUTES);
            Path wal = db.file().resolveSibling(db.file().getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, target.resolveSibling(target.getFileName() + "-wal"));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
