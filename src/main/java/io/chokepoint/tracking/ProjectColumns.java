package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jdbi.v3.core.statement.SqlStatement;

/** Maps a project to and from the columns shared by {@code project} and {@code period_project}. */
final class ProjectColumns {

    static final String NAMES = String.join(", ", TrackerCsv.PROJECT_COLUMNS);
    static final String PARAMETERS = TrackerCsv.PROJECT_COLUMNS.stream().map(c -> ":" + c)
            .collect(Collectors.joining(", "));

    private ProjectColumns() {
    }

    static <S extends SqlStatement<S>> S bind(S statement, Project p) {
        Capacity c = p.capacity();
        Investment i = p.investment();
        return statement
                .bind("id", p.id())
                .bind("facility_id", p.facilityId())
                .bind("company", p.company())
                .bind("owner_country", p.ownerCountries().stream().map(Country::code).collect(Collectors.joining(";")))
                .bind("facility", p.facility())
                .bind("country", p.country().code())
                .bind("region", p.region())
                .bind("stage", p.stage().code())
                .bind("status", p.status().code())
                .bind("status_as_of", text(p.statusAsOf()))
                .bind("capacity_tpa", c == null ? null : c.tonnesPerYear())
                .bind("capacity_unit", c == null ? null : c.unit())
                .bind("capacity_basis", c == null ? null : c.basis().code())
                .bind("investment_amount", i == null ? null : i.amount().toPlainString())
                .bind("investment_currency", i == null ? null : i.currency())
                .bind("investment_usd_m", i == null ? null : i.usdMillions())
                .bind("announced_on", text(p.announcedOn()))
                .bind("target_year", p.targetYear())
                .bind("offtake", p.offtake())
                .bind("offtake_binding", p.offtakeBinding().code())
                .bind("confidence", p.confidence())
                .bind("sources", p.sources())
                .bind("notes", p.notes());
    }

    /**
     * Binds the project's columns, in {@link #NAMES} order, to positional parameters from {@code first} on; returns
     * the index of the next parameter. Stores exactly what {@link #bind(SqlStatement, Project)} stores.
     */
    static int bind(PreparedStatement statement, int first, Project p) throws SQLException {
        Capacity c = p.capacity();
        Investment i = p.investment();
        int n = first;
        statement.setString(n++, p.id());
        statement.setString(n++, p.facilityId());
        statement.setString(n++, p.company());
        statement.setString(n++, p.ownerCountries().size() == 1 ? p.ownerCountries().get(0).code()
                : p.ownerCountries().stream().map(Country::code).collect(Collectors.joining(";")));
        statement.setString(n++, p.facility());
        statement.setString(n++, p.country().code());
        statement.setString(n++, p.region());
        statement.setString(n++, p.stage().code());
        statement.setString(n++, p.status().code());
        statement.setString(n++, text(p.statusAsOf()));
        setDouble(statement, n++, c == null ? null : c.tonnesPerYear());
        statement.setString(n++, c == null ? null : c.unit());
        statement.setString(n++, c == null ? null : c.basis().code());
        statement.setString(n++, i == null ? null : i.amount().toPlainString());
        statement.setString(n++, i == null ? null : i.currency());
        setDouble(statement, n++, i == null ? null : i.usdMillions());
        statement.setString(n++, text(p.announcedOn()));
        setInt(statement, n++, p.targetYear());
        statement.setString(n++, p.offtake());
        statement.setString(n++, p.offtakeBinding().code());
        statement.setString(n++, p.confidence());
        statement.setString(n++, p.sources());
        statement.setString(n++, p.notes());
        return n;
    }

    static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static Project read(ResultSet rs) throws SQLException {
        double tpa = rs.getDouble("capacity_tpa");
        Capacity capacity = rs.wasNull() ? null
                : new Capacity(tpa, rs.getString("capacity_unit"), CapacityBasis.fromCode(rs.getString("capacity_basis")));
        String amount = rs.getString("investment_amount");
        double usd = rs.getDouble("investment_usd_m");
        Double usdMillions = rs.wasNull() ? null : usd;
        Investment investment = amount == null ? null
                : new Investment(new BigDecimal(amount), rs.getString("investment_currency"), usdMillions);
        int year = rs.getInt("target_year");
        Integer targetYear = rs.wasNull() ? null : year;
        List<Country> owners = Arrays.stream(rs.getString("owner_country").split(";")).map(Country::new).toList();
        return new Project(rs.getString("id"), rs.getString("facility_id"), rs.getString("company"), owners,
                rs.getString("facility"), new Country(rs.getString("country")), rs.getString("region"),
                ChainStage.fromCode(rs.getString("stage")), ProjectStatus.fromCode(rs.getString("status")),
                date(rs.getString("status_as_of")), capacity, investment, date(rs.getString("announced_on")),
                targetYear, rs.getString("offtake"), OfftakeBinding.fromCode(rs.getString("offtake_binding")),
                rs.getString("confidence"), rs.getString("sources"), rs.getString("notes"));
    }

    static FacilityEvent readEvent(ResultSet rs) throws SQLException {
        String after = rs.getString("status_after");
        String stage = rs.getString("stage");
        int year = rs.getInt("target_year");
        TargetYear targetYear = !rs.wasNull() ? TargetYear.of(year)
                : rs.getInt("target_withdrawn") == 1 ? TargetYear.WITHDRAWN : null;
        double tpa = rs.getDouble("capacity_tpa");
        Capacity capacity = rs.wasNull() ? null : new Capacity(tpa, rs.getString("capacity_unit"),
                CapacityBasis.fromCode(rs.getString("capacity_basis")));
        return new FacilityEvent(rs.getString("facility_id"), LocalDate.parse(rs.getString("date")),
                EventKind.fromCode(rs.getString("event")), after == null ? null : ProjectStatus.fromCode(after),
                rs.getString("value"), rs.getString("notes"), rs.getString("source"),
                stage == null ? null : ChainStage.fromCode(stage), targetYear, capacity);
    }

    static Baseline readBaseline(ResultSet rs) throws SQLException {
        double value = rs.getDouble("value_tpa");
        Double valueTpa = rs.wasNull() ? null : value;
        double share = rs.getDouble("share_pct");
        Double sharePercent = rs.wasNull() ? null : share;
        return new Baseline(new Country(rs.getString("country")), ChainStage.fromCode(rs.getString("stage")),
                rs.getInt("year"), valueTpa, rs.getString("unit"), rs.getString("basis"), rs.getString("source"),
                rs.getString("confidence"), rs.getString("notes"), sharePercent, date(rs.getString("published_on")));
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
