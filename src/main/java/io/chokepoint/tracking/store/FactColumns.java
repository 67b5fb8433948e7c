package io.chokepoint.tracking.store;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.Capacity;
import io.chokepoint.tracking.CapacityBasis;
import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.DatePrecision;
import io.chokepoint.tracking.Funding;
import io.chokepoint.tracking.EventKind;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.Investment;
import io.chokepoint.tracking.OfftakeBinding;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.ProjectStatus;
import io.chokepoint.tracking.TargetYear;
import io.chokepoint.tracking.TrackerTable;
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

/**
 * Maps the facts (projects, events, baselines) to and from their tables' columns; a project's columns are shared by
 * {@code project} and {@code period_project}.
 */
final class FactColumns {

    static final String NAMES = String.join(", ", TrackerTable.PROJECTS.columns());
    static final String PARAMETERS = TrackerTable.PROJECTS.columns().stream().map(c -> ":" + c)
            .collect(Collectors.joining(", "));

    private FactColumns() {
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
                .bind("notes", p.notes())
                .bind("status_as_of_precision", precision(p))
                .bind("ree_group", p.reeGroup());
    }

    /** A day-precise status date stores no precision, as the files write it. */
    private static String precision(Project p) {
        return p.statusAsOfPrecision() == DatePrecision.DAY ? null : p.statusAsOfPrecision().code();
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
        statement.setString(n++, precision(p));
        statement.setString(n++, p.reeGroup());
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
        return read(RowColumns.of(rs));
    }

    static Project read(RowColumns rs) throws SQLException {
        Double tpa = rs.real("capacity_tpa");
        Capacity capacity = tpa == null ? null
                : new Capacity(tpa, rs.text("capacity_unit"), CapacityBasis.fromCode(rs.text("capacity_basis")));
        String amount = rs.text("investment_amount");
        Double usdMillions = rs.real("investment_usd_m");
        Investment investment = amount == null ? null
                : new Investment(new BigDecimal(amount), rs.text("investment_currency"), usdMillions);
        String owner = rs.text("owner_country");
        List<Country> owners = owner.indexOf(';') < 0 ? List.of(new Country(owner))
                : Arrays.stream(owner.split(";")).map(Country::new).toList();
        return new Project(rs.text("id"), rs.text("facility_id"), rs.text("company"), owners,
                rs.text("facility"), new Country(rs.text("country")), rs.text("region"),
                ChainStage.fromCode(rs.text("stage")), ProjectStatus.fromCode(rs.text("status")),
                date(rs.text("status_as_of")), capacity, investment, date(rs.text("announced_on")),
                rs.integer("target_year"), rs.text("offtake"), OfftakeBinding.fromCode(rs.text("offtake_binding")),
                rs.text("confidence"), rs.text("sources"), rs.text("notes"),
                DatePrecision.fromCode(rs.text("status_as_of_precision")), rs.text("ree_group"));
    }

    static FacilityEvent readEvent(ResultSet rs) throws SQLException {
        return readEvent(RowColumns.of(rs));
    }

    static FacilityEvent readEvent(RowColumns rs) throws SQLException {
        String after = rs.text("status_after");
        String stage = rs.text("stage");
        Integer year = rs.integer("target_year");
        Integer withdrawn = rs.integer("target_withdrawn");
        TargetYear targetYear = year != null ? TargetYear.of(year)
                : withdrawn != null && withdrawn == 1 ? TargetYear.WITHDRAWN : null;
        Double tpa = rs.real("capacity_tpa");
        Capacity capacity = tpa == null ? null : new Capacity(tpa, rs.text("capacity_unit"),
                CapacityBasis.fromCode(rs.text("capacity_basis")));
        return new FacilityEvent(rs.text("facility_id"), date(rs.text("date")),
                EventKind.fromCode(rs.text("event")), after == null ? null : ProjectStatus.fromCode(after),
                rs.text("value"), rs.text("notes"), rs.text("source"),
                stage == null ? null : ChainStage.fromCode(stage), targetYear, capacity, funding(rs),
                DatePrecision.fromCode(rs.text("date_precision")));
    }

    private static Funding funding(RowColumns rs) throws SQLException {
        String amount = rs.text("amount");
        return amount == null ? null : new Funding(new BigDecimal(amount), rs.text("amount_currency"),
                rs.real("amount_usd_m"), Funding.Kind.fromCode(rs.text("funding_kind")),
                Funding.Status.fromCode(rs.text("funding_status")));
    }

    static Baseline readBaseline(ResultSet rs) throws SQLException {
        return readBaseline(RowColumns.of(rs));
    }

    static Baseline readBaseline(RowColumns rs) throws SQLException {
        Integer year = rs.integer("year");
        return new Baseline(new Country(rs.text("country")), ChainStage.fromCode(rs.text("stage")),
                year == null ? 0 : year, rs.real("value_tpa"), rs.text("unit"), rs.text("basis"), rs.text("source"),
                rs.text("confidence"), rs.text("notes"), rs.real("share_pct"), date(rs.text("published_on")),
                rs.text("ree_group"));
    }

    /** The stored columns of an export control: its CSV columns. */
    static final List<String> CONTROL_COLUMNS = io.chokepoint.tracking.TrackerTable.CONTROLS.columns();

    static io.chokepoint.tracking.ExportControl readControl(ResultSet rs) throws SQLException {
        return readControl(RowColumns.of(rs));
    }

    static io.chokepoint.tracking.ExportControl readControl(RowColumns rs) throws SQLException {
        return new io.chokepoint.tracking.ExportControl(rs.text("id"), new Country(rs.text("country")),
                rs.text("authority"), rs.text("measure"), split(rs.text("elements")),
                split(rs.text("forms")).stream().map(io.chokepoint.tracking.ExportControl.Form::fromCode).toList(),
                io.chokepoint.tracking.ExportControl.Scope.fromCode(rs.text("scope")), date(rs.text("announced_on")),
                date(rs.text("effective_on")), date(rs.text("suspended_on")), date(rs.text("suspended_until")),
                date(rs.text("lifted_on")), rs.text("source"), rs.text("notes"));
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(";"));
    }

    static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindControl(S statement,
                                                                                io.chokepoint.tracking.ExportControl c) {
        return statement
                .bind("id", c.id())
                .bind("country", c.country().code())
                .bind("authority", c.authority())
                .bind("measure", c.measure())
                .bind("elements", c.elements().isEmpty() ? null : String.join(";", c.elements()))
                .bind("forms", String.join(";", c.forms().stream().map(io.chokepoint.tracking.ExportControl.Form::code).toList()))
                .bind("scope", c.scope().code())
                .bind("announced_on", text(c.announcedOn()))
                .bind("effective_on", text(c.effectiveOn()))
                .bind("suspended_on", text(c.suspendedOn()))
                .bind("suspended_until", text(c.suspendedUntil()))
                .bind("lifted_on", text(c.liftedOn()))
                .bind("source", c.source())
                .bind("notes", c.notes());
    }

    static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        // Stored dates are ISO days (checked on the way in): read the digits, which at ten million events a month
        // costs a fraction of LocalDate.parse's formatter. Anything else, or an impossible day, goes to
        // LocalDate.parse, for its own result or its own exception.
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (java.time.DateTimeException e) {
                    return LocalDate.parse(text);
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The decimal number in {@code text} from {@code start} to {@code end}, or -1 if a character is not 0–9. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
