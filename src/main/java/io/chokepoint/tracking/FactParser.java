package io.chokepoint.tracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses and checks one row of a tracker table given as text by column name: a row of a CSV file or the values of a
 * command-line edit, which therefore pass the same checks. Every problem is recorded with the file and line it
 * came from (none for the command line) and its column, named as the caller's {@code label} says.
 */
public final class FactParser {

    // Closed vocabularies of the data README that have no enum of their own. Units are checked because a misspelt
    // unit would silently turn a capacity into "not comparable" instead of being refused.
    private static final List<String> CAPACITY_UNITS = List.of("t REO", "t NdPr oxide", "t NdPr oxide eq",
            "t concentrate", "t ore", "t feed", "t metal", "t alloy", "t magnet", "t unspecified", "t Dy-Tb oxide");
    private static final List<String> CONFIDENCE_LEVELS = List.of("high", "medium", "low");
    private static final List<String> BASELINE_BASES = List.of("output", "quota", "capacity", "derived_from_share");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    // The data files write a baseline's published share at the start of its notes as share_pct=<number>; (see the
    // sample's README). Read here, at the boundary, into a typed field: nothing downstream reads notes.
    private static final Pattern SHARE = Pattern.compile("share_pct=([0-9]+(?:\\.[0-9]+)?)");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private FactParser() {
    }

    /**
     * One row's text, by column: where it came from ({@code file} null for the command line), how a problem names a
     * column, and how a stripped value is decoded before it is checked (a file written by export quotes formulas).
     */
    public record Row(String file, long line, Function<String, String> raw, UnaryOperator<String> label,
                      UnaryOperator<String> decode) {
        /** Values given on the command line, keyed by column. */
        public static Row of(Map<String, String> values, UnaryOperator<String> label) {
            return new Row(null, 0, c -> values.getOrDefault(c, ""), label, UnaryOperator.identity());
        }
    }

    /** The project the row holds; null, with its problems recorded, if any check failed. */
    public static Project project(Row row, List<DataProblem> problems) {
        return parse(fields(row, problems), TrackerTable.PROJECTS.requiredValues(), FactParser::project);
    }

    /** The event the row holds, as {@link #project(Row, List)}. */
    public static FacilityEvent event(Row row, List<DataProblem> problems) {
        return parse(fields(row, problems), TrackerTable.EVENTS.requiredValues(), FactParser::event);
    }

    /** The baseline the row holds, as {@link #project(Row, List)}. */
    public static Baseline baseline(Row row, List<DataProblem> problems) {
        return parse(fields(row, problems), TrackerTable.BASELINES.requiredValues(), FactParser::baseline);
    }

    /** The export control the row holds, as {@link #project(Row, List)}. */
    public static ExportControl control(Row row, List<DataProblem> problems) {
        return parse(fields(row, problems), TrackerTable.CONTROLS.requiredValues(), FactParser::control);
    }

    private static Fields fields(Row row, List<DataProblem> problems) {
        return new Fields(row.file(), row.line(), row.raw(), row.label(), row.decode(), problems);
    }

    /** Builds a value from the fields; null, with the problems recorded, if any check failed. */
    private static <T> T parse(Fields fields, List<String> required, Function<Fields, T> build) {
        int before = fields.problemCount();
        for (String column : required) {
            fields.required(column);
        }
        T value = null;
        try {
            value = build.apply(fields);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record check that no single field caught.
            if (fields.problemCount() == before) {
                fields.problem("row", e.getMessage());
            }
        }
        return fields.problemCount() == before ? value : null;
    }

    private static Project project(Fields f) {
        String id = f.text("id");
        String facilityId = f.text("facility_id");
        String company = f.text("company");
        List<Country> owners = f.countries("owner_country");
        String facility = f.text("facility");
        Country country = f.country("country");
        ChainStage stage = f.code("stage", ChainStage::fromCode);
        ProjectStatus status = f.code("status", ProjectStatus::fromCode);
        LocalDate statusAsOf = f.date("status_as_of");
        Capacity capacity = capacity(f);
        Investment investment = investment(f);
        LocalDate announcedOn = f.date("announced_on");
        Integer targetYear = f.year("target_year");
        OfftakeBinding binding = f.text("offtake_binding") == null ? OfftakeBinding.UNKNOWN
                : f.code("offtake_binding", OfftakeBinding::fromCode);
        String confidence = f.oneOf("confidence", "confidence", CONFIDENCE_LEVELS);
        DatePrecision precision = f.code("status_as_of_precision", DatePrecision::fromCode);
        if (precision != null && precision != DatePrecision.DAY && statusAsOf == null) {
            f.problem("status_as_of_precision", "must be empty when " + f.label("status_as_of") + " is empty");
        }
        String reeGroup = f.oneOf("ree_group", "ree_group", Project.REE_GROUPS);
        if (f.hasProblems()) {
            return null;
        }
        return new Project(id, facilityId, company, owners, facility, country, f.text("region"), stage, status,
                statusAsOf, capacity, investment, announcedOn, targetYear, f.text("offtake"), binding, confidence,
                f.text("sources"), f.text("notes"), precision, reeGroup);
    }

    private static Capacity capacity(Fields f) {
        Double tpa = f.decimal("capacity_tpa");
        String unit = f.oneOf("capacity_unit", "unit", CAPACITY_UNITS);
        CapacityBasis basis = f.code("capacity_basis", CapacityBasis::fromCode);
        if (f.text("capacity_tpa") == null) {
            f.emptyWithout("capacity_unit", "capacity_tpa");
            f.emptyWithout("capacity_basis", "capacity_tpa");
            return null;
        }
        f.requiredWith("capacity_unit", "capacity_tpa");
        f.requiredWith("capacity_basis", "capacity_tpa");
        return tpa == null || unit == null || basis == null ? null : new Capacity(tpa, unit, basis);
    }

    /** An event's capacity: as a project's, and positive (an event that states a capacity states some). */
    private static Capacity eventCapacity(Fields f) {
        Capacity capacity = capacity(f);
        String tpa = f.text("capacity_tpa");
        // A negative number was already refused as a number; zero is a number but no capacity.
        if (tpa != null && PLAIN_NUMBER.matcher(tpa).matches() && new BigDecimal(tpa).signum() == 0) {
            f.problem("capacity_tpa", "must be positive, was " + tpa);
            return null;
        }
        return capacity;
    }

    private static Investment investment(Fields f) {
        BigDecimal amount = f.amount("investment_amount");
        Double usdMillions = f.decimal("investment_usd_m");
        String currency = f.text("investment_currency");
        if (f.text("investment_amount") == null) {
            f.emptyWithout("investment_currency", "investment_amount");
            f.emptyWithout("investment_usd_m", "investment_amount");
            return null;
        }
        if (currency == null) {
            f.problem("investment_currency", "is required when " + f.label("investment_amount") + " is given");
            return null;
        }
        if (!CURRENCIES.contains(currency)) {
            f.problem("investment_currency", "'" + currency + "' is not an ISO 4217 currency code such as USD");
            return null;
        }
        return amount == null ? null : new Investment(amount, currency, usdMillions);
    }

    private static FacilityEvent event(Fields f) {
        String facilityId = f.text("facility_id");
        LocalDate date = f.date("date");
        EventKind kind = f.code("event", EventKind::fromCode);
        ProjectStatus after = f.code("status_after", ProjectStatus::fromCode);
        ChainStage stage = f.code("stage", ChainStage::fromCode);
        TargetYear targetYear = f.code("target_year", TargetYear::parse);
        Capacity capacity = eventCapacity(f);
        Funding funding = funding(f);
        DatePrecision precision = f.code("date_precision", DatePrecision::fromCode);
        if (f.hasProblems()) {
            return null;
        }
        return new FacilityEvent(facilityId, date, kind, after, f.text("value"), f.text("notes"), f.text("source"),
                stage, targetYear, capacity, funding, precision);
    }

    /** An event's typed money: with an amount, its currency, kind and status are required; without, all empty. */
    private static Funding funding(Fields f) {
        BigDecimal amount = f.amount("amount");
        Double usdMillions = f.decimal("amount_usd_m");
        Funding.Kind kind = f.code("funding_kind", Funding.Kind::fromCode);
        Funding.Status status = f.code("funding_status", Funding.Status::fromCode);
        String currency = f.text("amount_currency");
        if (f.text("amount") == null) {
            for (String column : List.of("amount_currency", "amount_usd_m", "funding_kind", "funding_status")) {
                f.emptyWithout(column, "amount");
            }
            return null;
        }
        if (currency == null) {
            f.problem("amount_currency", "is required when " + f.label("amount") + " is given");
        } else if (!CURRENCIES.contains(currency)) {
            f.problem("amount_currency", "'" + currency + "' is not an ISO 4217 currency code such as USD");
            currency = null;
        }
        f.requiredWith("funding_kind", "amount");
        f.requiredWith("funding_status", "amount");
        return amount == null || currency == null || kind == null || status == null ? null
                : new Funding(amount, currency, usdMillions, kind, status);
    }

    private static ExportControl control(Fields f) {
        String id = f.text("id");
        Country country = f.country("country");
        if (country != null && (country.isRestOfWorld() || country.equals(Country.UNDISCLOSED))) {
            f.problem("country", "unknown country '" + country.code() + "': a control is imposed by a country");
            country = null;
        }
        List<String> elements = new ArrayList<>();
        for (String e : f.list("elements")) {
            if (!ExportControl.RARE_EARTHS.contains(e)) {
                f.problem("elements", "unknown element '" + e + "', expected rare-earth symbols such as Dy, one of "
                        + String.join(", ", ExportControl.RARE_EARTHS));
            } else {
                elements.add(e);
            }
        }
        List<ExportControl.Form> forms = new ArrayList<>();
        for (String form : f.list("forms")) {
            try {
                forms.add(ExportControl.Form.fromCode(form));
            } catch (IllegalArgumentException e) {
                f.problem("forms", e.getMessage());
            }
        }
        ExportControl.Scope scope = f.code("scope", ExportControl.Scope::fromCode);
        LocalDate announced = f.date("announced_on");
        LocalDate effective = f.date("effective_on");
        LocalDate suspendedOn = f.date("suspended_on");
        LocalDate suspendedUntil = f.date("suspended_until");
        LocalDate lifted = f.date("lifted_on");
        for (ExportControl.DateProblem p : ExportControl.dateProblems(announced, effective, suspendedOn,
                suspendedUntil, lifted)) {
            f.problem(p.column(), p.message());
        }
        if (f.hasProblems()) {
            return null;
        }
        return new ExportControl(id, country, f.text("authority"), f.text("measure"), elements, forms, scope,
                announced, effective, suspendedOn, suspendedUntil, lifted, f.text("source"), f.text("notes"));
    }

    private static Baseline baseline(Fields f) {
        Country country = f.country("country");
        ChainStage stage = f.code("stage", ChainStage::fromCode);
        Integer year = f.year("year");
        Double value = f.decimal("value_tpa");
        String unit = f.oneOf("unit", "unit", CAPACITY_UNITS);
        if (f.text("value_tpa") == null) {
            f.emptyWithout("unit", "value_tpa");
        } else {
            f.requiredWith("unit", "value_tpa");
        }
        String basis = f.oneOf("basis", "basis", BASELINE_BASES);
        String confidence = f.oneOf("confidence", "confidence", CONFIDENCE_LEVELS);
        LocalDate publishedOn = f.date("published_on");
        Double share = sharePercent(f.text("notes"));
        if (share != null && share > 100) {
            f.problem("notes", "share_pct=" + FactText.plain(share) + " is not a percentage from 0 to 100");
        }
        String reeGroup = f.oneOf("ree_group", "ree_group", Project.REE_GROUPS);
        if (f.hasProblems()) {
            return null;
        }
        return new Baseline(country, stage, year, value, unit, basis, f.text("source"), confidence, f.text("notes"),
                share, publishedOn, reeGroup);
    }

    /** The share a baseline's notes state as {@code share_pct=<number>}, or null. */
    public static Double sharePercent(String notes) {
        if (notes == null) {
            return null;
        }
        Matcher m = SHARE.matcher(notes);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** One row's fields; a field that fails a check records a problem and reads as null. */
    private static final class Fields {
        private final String file;
        private final long line;
        private final Function<String, String> raw;
        private final UnaryOperator<String> label;
        private final List<DataProblem> problems;
        private final UnaryOperator<String> decode;
        private final int before;
        /** Columns already reported as too long: a column is read more than once. */
        private final Set<String> tooLong = new HashSet<>();

        Fields(String file, long line, Function<String, String> raw, UnaryOperator<String> label,
               UnaryOperator<String> decode, List<DataProblem> problems) {
            this.file = file;
            this.decode = decode;
            this.line = line;
            this.raw = raw;
            this.label = label;
            this.problems = problems;
            this.before = problems.size();
        }

        int problemCount() {
            return problems.size();
        }

        boolean hasProblems() {
            return problems.size() > before;
        }

        String label(String column) {
            return label.apply(column);
        }

        void problem(String column, String message) {
            problems.add(new DataProblem(file, line, label(column), message));
        }

        String text(String column) {
            String value = raw.apply(column);
            value = value == null ? "" : value.strip();
            value = decode.apply(value);
            if (value.length() > TextLimit.MAX_CHARS) {
                if (tooLong.add(column)) {
                    problem(column, TextLimit.problem(value));
                }
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        void required(String column) {
            if (text(column) == null && !tooLong.contains(column)) {
                problem(column, "is required");
            }
        }

        void requiredWith(String column, String given) {
            if (text(column) == null && !tooLong.contains(column)) {
                problem(column, "is required when " + label(given) + " is given");
            }
        }

        void emptyWithout(String column, String missing) {
            if (text(column) != null) {
                problem(column, "must be empty when " + label(missing) + " is empty");
            }
        }

        <T> T code(String column, Function<String, T> parse) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                problem(column, e.getMessage());
                return null;
            }
        }

        String oneOf(String column, String noun, List<String> vocabulary) {
            String value = text(column);
            if (value != null && !vocabulary.contains(value)) {
                problem(column, "unknown " + noun + " '" + value + "', expected one of "
                        + String.join(", ", vocabulary));
                return null;
            }
            return value;
        }

        Country country(String column) {
            return code(column, Country::new);
        }

        /** A {@code ;}-separated list, each item stripped; empty items are left out. */
        List<String> list(String column) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        List<Country> countries(String column) {
            String value = text(column);
            if (value == null) {
                return List.of();
            }
            List<Country> countries = new ArrayList<>();
            for (String code : Arrays.stream(value.split(";")).map(String::strip).toList()) {
                try {
                    countries.add(new Country(code));
                } catch (IllegalArgumentException e) {
                    problem(column, e.getMessage());
                }
            }
            return countries;
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "'" + value + "' is not a date of the form YYYY-MM-DD");
                return null;
            }
        }

        Integer year(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{4}") || Integer.parseInt(value) < 1900 || Integer.parseInt(value) > 2100) {
                problem(column, "'" + value + "' is not a four-digit year from 1900 to 2100");
                return null;
            }
            return Integer.valueOf(value);
        }

        Double decimal(String column) {
            BigDecimal amount = amount(column);
            return amount == null ? null : amount.doubleValue();
        }

        BigDecimal amount(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            if (!PLAIN_NUMBER.matcher(value).matches()) {
                problem(column, "'" + value + "' is not a number (plain digits, no thousands separators)");
                return null;
            }
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                problem(column, "must not be negative, was " + value);
                return null;
            }
            return number;
        }
    }
}
