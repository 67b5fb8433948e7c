package io.chokepoint.stakeholders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.store.Dialect;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.TrackerException;

/**
 * The tracker's {@code stakeholders} table. Removing a stakeholder only marks them inactive, so the delivery
 * history keeps its meaning; adding the same address again makes them active with the new details.
 * Thread-safe: every call uses its own connection.
 */
public final class StakeholderDirectory {

    /** A stored stakeholder, with whether they currently receive the report and since when. */
    public record Entry(Stakeholder stakeholder, boolean active, Instant addedAt) {
        public Entry {
            Objects.requireNonNull(stakeholder, "stakeholder");
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }

    /** What storing one stakeholder did. */
    public enum Change {
        /** A new address. */
        ADDED,
        /** A removed stakeholder is active again (with the details given now). */
        REACTIVATED,
        /** An active stakeholder's name or interests were replaced. */
        UPDATED,
        /** An active stakeholder with exactly these details. */
        UNCHANGED
    }

    private final Jdbi jdbi;

    public StakeholderDirectory(TrackerDatabase tracker) {
        this.jdbi = tracker.jdbi();
    }

    /**
     * Adds a stakeholder, or reactivates a removed one with these details.
     *
     * @throws TrackerException if the address is already an active stakeholder
     */
    public Change add(Stakeholder stakeholder, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Entry> existing = find(h, stakeholder.email());
            if (existing.isPresent() && existing.get().active()) {
                throw new TrackerException(stakeholder.email() + " is already a stakeholder (as "
                        + existing.get().stakeholder().email() + ", added " + existing.get().addedAt()
                        + "); to change their details, remove them and add them again");
            }
            return store(h, existing, stakeholder, now);
        });
    }

    /**
     * Stores every stakeholder in one transaction: new addresses are added, known ones get the given details and
     * are active. All or nothing.
     */
    public List<Change> upsertAll(List<Stakeholder> stakeholders, Instant now) {
        return jdbi.inTransaction(h -> stakeholders.stream()
                .map(s -> store(h, find(h, s.email()), s, now))
                .toList());
    }

    private static Change store(Handle h, Optional<Entry> existing, Stakeholder s, Instant now) {
        if (existing.isEmpty()) {
            h.createUpdate("""
                            INSERT INTO stakeholders (email, name, stages, countries, active, added_at)
                            VALUES (:email, :name, :stages, :countries, 1, :added_at)""")
                    .bind("email", s.email())
                    .bind("name", s.name())
                    .bind("stages", stages(s))
                    .bind("countries", countries(s))
                    .bind("added_at", now.toString())
                    .execute();
            return Change.ADDED;
        }
        Entry entry = existing.get();
        // The stored spelling of the address is kept: it is the same mailbox.
        Stakeholder updated = new Stakeholder(entry.stakeholder().email(), s.name(), s.stages(), s.countries());
        if (entry.active() && entry.stakeholder().equals(updated)) {
            return Change.UNCHANGED;
        }
        h.createUpdate("""
                        UPDATE stakeholders SET name = :name, stages = :stages, countries = :countries, active = 1,
                               added_at = CASE WHEN active = 1 THEN added_at ELSE :now END
                        WHERE email = :email""")
                .bind("email", s.email())
                .bind("name", s.name())
                .bind("stages", stages(s))
                .bind("countries", countries(s))
                .bind("now", now.toString())
                .execute();
        return entry.active() ? Change.UPDATED : Change.REACTIVATED;
    }

    /** Marks the stakeholder inactive; false if no active stakeholder has this address. */
    public boolean remove(String email) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE stakeholders SET active = 0 WHERE email = :email AND active = 1")
                .bind("email", email.strip())
                .execute()) == 1;
    }

    /** The active stakeholders, by address. */
    public List<Stakeholder> active() {
        return all().stream().filter(Entry::active).map(Entry::stakeholder).toList();
    }

    /** Every stakeholder ever added, removed ones included, by address. */
    public List<Entry> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM stakeholders ORDER BY email")
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    /** The stakeholder with this address (in any case), active or not. */
    public Optional<Entry> find(String email) {
        return jdbi.withHandle(h -> find(h, email));
    }

    private static Optional<Entry> find(Handle h, String email) {
        return h.createQuery("SELECT * FROM stakeholders WHERE email = :email")
                .bind("email", email.strip())
                .map((rs, ctx) -> entry(rs))
                .findOne();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Stakeholder stakeholder = new Stakeholder(rs.getString("email"), rs.getString("name"),
                codes(rs.getString("stages")).stream().map(ChainStage::fromCode).toList(),
                codes(rs.getString("countries")).stream().map(Country::new).toList());
        return new Entry(stakeholder, rs.getInt("active") == 1, Dialect.instant(rs, "added_at"));
    }

    private static List<String> codes(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(";"));
    }

    private static String stages(Stakeholder s) {
        return s.stages().isEmpty() ? null : s.stages().stream().map(ChainStage::code).collect(Collectors.joining(";"));
    }

    private static String countries(Stakeholder s) {
        return s.countries().isEmpty() ? null : s.countries().stream().map(Country::code).collect(Collectors.joining(";"));
    }
}
