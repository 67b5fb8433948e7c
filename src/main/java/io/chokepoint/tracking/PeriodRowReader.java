package io.chokepoint.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a period's rows for the analysis with the query in {@code period-rows.sql}: only the columns it tallies, and
 * what a change quotes only for rows that may belong to one. Every value is read as text: sqlite-jdbc makes one JNI
 * call per text value and two per number, and those calls are most of the cost at a million rows.
 */
final class PeriodRowReader {

    private static final String SQL = load("period-rows.sql");

    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, Country> primaryOwners = new HashMap<>();

    private static String load(String resource) {
        try (InputStream in = PeriodRowReader.class.getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams every row of {@code period}, in no particular order.
     *
     * @param revisedAfter when the previous period was first reported, if it was: its facilities with events
     *                     recorded since then (and dated in it or earlier) may carry a revision
     */
    void forEach(Connection connection, ReportPeriod period, Instant revisedAfter, Consumer<PeriodRow> sink)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SQL)) {
            // SQLite numbers named parameters by first appearance: :from, :to, :after, :datedBy, :period.
            query.setString(1, period.month().atDay(1).toString());
            query.setString(2, period.lastDay().toString());
            query.setString(3, revisedAfter == null ? null : DateTimeFormatter.ISO_INSTANT.format(revisedAfter));
            query.setString(4, period.previous().lastDay().toString());
            query.setString(5, period.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sink.accept(read(rows));
                }
            }
        }
    }

    private PeriodRow read(ResultSet row) throws SQLException {
        String unit = row.getString(4);
        int flags = Integer.parseInt(row.getString(7));
        ProjectFacts facts = new ProjectFacts(ChainStage.fromCode(row.getString(1)),
                countries.computeIfAbsent(row.getString(2), Country::new),
                primaryOwners.computeIfAbsent(row.getString(3), owners -> new Country(owners.split(";")[0])),
                unit == null ? null : row.getDouble(5), unit, (flags & 1) != 0, OfftakeBinding.fromCode(row.getString(6)),
                (flags & 2) != 0);
        ProjectState current = new ProjectState((flags & 4) != 0, ProjectStatus.fromCode(row.getString(8)),
                integer(row.getString(9)), date(row.getString(10)));
        ProjectState previous = new ProjectState((flags & 8) != 0, ProjectStatus.fromCode(row.getString(11)),
                integer(row.getString(12)), date(row.getString(13)));
        String changeText = row.getString(14);
        PeriodRow.ChangeFacts change = null;
        if (changeText != null) {
            Fields f = new Fields(changeText);
            change = new PeriodRow.ChangeFacts(f.next(), f.next(), f.next(), date(f.next()), date(f.next()), f.next());
        }
        return new PeriodRow(facts, current, previous, change);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    /** An ISO date as the snapshot writer stored it, parsed by hand: LocalDate.parse took a quarter of this pass. */
    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return LocalDate.parse(text); // not the stored form: let the parser say what is wrong
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    /** Cursor over the framed fields of one text. */
    private static final class Fields {
        private final String text;
        private int at;

        Fields(String text) {
            this.text = text;
        }

        String next() {
            if (text.charAt(at) == '~') {
                at++;
                return null;
            }
            int colon = text.indexOf(':', at);
            int length = Integer.parseInt(text, at, colon, 10);
            int start = colon + 1;
            // SQLite's length() counts characters, not UTF-16 units.
            at = text.offsetByCodePoints(start, length);
            return text.substring(start, at);
        }
    }
}
