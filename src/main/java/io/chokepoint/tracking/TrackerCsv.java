package io.chokepoint.tracking;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the tracker's CSV files (the format of the sample data: one header row, columns found by name in
 * any order, UTF-8 with or without a byte-order mark, {@code \n} line ends when written). Every problem is
 * collected with its file, the physical line its row starts on (the header is line 1) and its column; the same
 * checks apply to values given on the command line, whose problems name the option instead.
 */
public final class TrackerCsv {

    static final List<String> PROJECT_COLUMNS = List.of("id", "facility_id", "company", "owner_country", "facility",
            "country", "region", "stage", "status", "status_as_of", "capacity_tpa", "capacity_unit", "capacity_basis",
            "investment_amount", "investment_currency", "investment_usd_m", "announced_on", "target_year", "offtake",
            "offtake_binding", "confidence", "sources", "notes");
    static final List<String> EVENT_COLUMNS = List.of("facility_id", "date", "event", "status_after", "value",
            "notes", "source", "stage", "target_year", "capacity_tpa", "capacity_unit", "capacity_basis");
    static final List<String> BASELINE_COLUMNS = List.of("country", "stage", "year", "value_tpa", "unit", "basis",
            "source", "confidence", "notes", "published_on");
    // The columns a file must have. Files in the earlier format lack the typed event columns and a baseline's
    // published_on: they still import, and their rows carry no such facts.
    private static final List<String> EVENT_HEADER_REQUIRED = EVENT_COLUMNS.subList(0, 7);
    private static final List<String> BASELINE_HEADER_REQUIRED = BASELINE_COLUMNS.subList(0, 9);

    private static final List<String> PROJECT_REQUIRED = List.of("id", "facility_id", "company", "owner_country",
            "facility", "country", "stage", "status");
    private static final List<String> EVENT_REQUIRED = List.of("facility_id", "date", "event");
    private static final List<String> BASELINE_REQUIRED = List.of("country", "stage", "year", "basis");

    // Closed vocabularies of the data README that have no enum of their own. Units are checked because a misspelt
    // unit would silently turn a capacity into "not comparable" instead of being refused.
    private static final List<String> CAPACITY_UNITS = List.of("t REO", "t NdPr oxide", "t NdPr oxide eq",
            "t concentrate", "t ore", "t feed", "t metal", "t alloy", "t magnet", "t unspecified");
    private static final List<String> CONFIDENCE_LEVELS = List.of("high", "medium", "low");
    private static final List<String> BASELINE_BASES = List.of("output", "quota", "capacity", "derived_from_share");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    // The data files write a baseline's published share at the start of its notes as share_pct=<number>; (see the
    // sample's README). Read here, at the file boundary, into a typed field: nothing downstream reads notes.
    private static final Pattern SHARE = Pattern.compile("share_pct=([0-9]+(?:\\.[0-9]+)?)");

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\n")
            .get();

    /** What a reader does with a file's rows. */
    interface Rows<T> {
        /** A row without problems, with the physical line it starts on. */
        void valid(long line, T value);

        /** A row with problems (already recorded), with its raw values by column. */
        default void invalid(long line, Function<String, String> raw) {
        }

        /** Called after every data row, valid or not, with the number of rows read so far. */
        default void read(long rows) {
        }
    }

    private TrackerCsv() {
    }

    public static void readProjects(String fileName, Reader in, Consumer<Project> sink, List<DataProblem> problems) {
        readProjectRows(fileName, in, (line, p) -> sink.accept(p), problems);
    }

    public static void readEvents(String fileName, Reader in, Consumer<FacilityEvent> sink, List<DataProblem> problems) {
        readEventRows(fileName, in, (line, e) -> sink.accept(e), problems);
    }

    public static void readBaselines(String fileName, Reader in, Consumer<Baseline> sink, List<DataProblem> problems) {
        readBaselineRows(fileName, in, (line, b) -> sink.accept(b), problems);
    }

    static void readProjectRows(String fileName, Reader in, Rows<Project> rows, List<DataProblem> problems) {
        read(fileName, in, PROJECT_COLUMNS, PROJECT_REQUIRED, TrackerCsv::project, rows, problems);
    }

    static void readEventRows(String fileName, Reader in, Rows<FacilityEvent> rows, List<DataProblem> problems) {
        read(fileName, in, EVENT_HEADER_REQUIRED, EVENT_REQUIRED, TrackerCsv::event, rows, problems);
    }

    static void readBaselineRows(String fileName, Reader in, Rows<Baseline> rows, List<DataProblem> problems) {
        read(fileName, in, BASELINE_HEADER_REQUIRED, BASELINE_REQUIRED, TrackerCsv::baseline, rows, problems);
    }

    /**
     * Checks a project given as column values (a command-line edit); null if it has problems, which name each
     * column as {@code label} says.
     */
    static Project project(Map<String, String> values, UnaryOperator<String> label, List<DataProblem> problems) {
        Fields fields = new Fields(null, 0, c -> values.getOrDefault(c, ""), label, problems);
        return parse(fields, PROJECT_REQUIRED, TrackerCsv::project);
    }

    /** Checks an event given as column values, as {@link #project(Map, UnaryOperator, List)} does. */
    static FacilityEvent event(Map<String, String> values, UnaryOperator<String> label, List<DataProblem> problems) {
        Fields fields = new Fields(null, 0, c -> values.getOrDefault(c, ""), label, problems);
        return parse(fields, EVENT_REQUIRED, TrackerCsv::event);
    }

    private static <T> void read(String fileName, Reader in, List<String> columns, List<String> required,
                                 Function<Fields, T> build, Rows<T> rows, List<DataProblem> problems) {
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(in)).setFormat(READ_FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (namedTwice(fileName, header, problems)) {
                return;
            }
            List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new DataProblem(fileName, 1, String.join(",", missing), "missing column"));
                return;
            }
            // The parser counts the line ends it has read; a row starts on the line after the previous row's end.
            long start = parser.getCurrentLineNumber() + 1;
            long count = 0;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new DataProblem(fileName, start, "file", unreadable(e)));
                    return;
                }
                long line = start;
                start = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // an empty line
                }
                count++;
                if (controlCharacters(fileName, line, header, record, problems)) {
                    // Not handed on even as an invalid row: its values are not fit for a staging table either.
                } else if (record.size() != header.size()) {
                    problems.add(new DataProblem(fileName, line, "row", "has " + record.size()
                            + " fields, the header has " + header.size()));
                } else {
                    Function<String, String> raw = c -> record.isMapped(c) ? record.get(c) : "";
                    T value = parse(new Fields(fileName, line, raw, UnaryOperator.identity(), problems), required,
                            build);
                    if (value != null) {
                        rows.valid(line, value);
                    } else {
                        rows.invalid(line, raw);
                    }
                }
                rows.read(count);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new DataProblem(fileName, 1, "file", unreadable(e)));
        }
    }

    /**
     * A header that names a column twice is refused: which of the two a row's value is read from would be a guess.
     * Columns without a name are left to the row checks.
     */
    private static boolean namedTwice(String fileName, List<String> header, List<DataProblem> problems) {
        Map<String, Integer> first = new HashMap<>();
        boolean found = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Integer earlier = first.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(new DataProblem(fileName, 1, name, "column named twice in the header (columns "
                        + (earlier + 1) + " and " + (i + 1) + "); keep one of them"));
                found = true;
            }
        }
        return found;
    }

    /**
     * Control characters are refused in every cell: a NUL would cut the text short in SQLite and fail PostgreSQL's
     * insert. A notes cell may hold line breaks and tabs (a cell written on several lines in a spreadsheet);
     * the sample data has none anywhere. Records the first one of each cell; true if any was found.
     */
    private static boolean controlCharacters(String fileName, long line, List<String> header, CSVRecord record,
                                             List<DataProblem> problems) {
        boolean found = false;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            String column = i < header.size() && header.get(i) != null && !header.get(i).isBlank() ? header.get(i)
                    : "column " + (i + 1);
            boolean multiLine = column.equals("notes");
            for (int at = 0; at < value.length(); at++) {
                char c = value.charAt(at);
                boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
                if (control && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                    problems.add(new DataProblem(fileName, line, column, String.format(Locale.ROOT,
                            "control character (U+%04X at character %d of the cell); remove it", (int) c, at + 1)));
                    found = true;
                    break;
                }
            }
        }
        return found;
    }

    private static String unreadable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof CharacterCodingException) {
            // The decoder reads ahead, so the line of the bad bytes is not known.
            return "is not UTF-8 text; save it as CSV UTF-8";
        }
        return "cannot be read as CSV: " + root.getMessage();
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

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
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
        if (f.hasProblems()) {
            return null;
        }
        return new Project(id, facilityId, company, owners, facility, country, f.text("region"), stage, status,
                statusAsOf, capacity, investment, announcedOn, targetYear, f.text("offtake"), binding, confidence,
                f.text("sources"), f.text("notes"));
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
        if (f.hasProblems()) {
            return null;
        }
        return new FacilityEvent(facilityId, date, kind, after, f.text("value"), f.text("notes"), f.text("source"),
                stage, targetYear, capacity);
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
            f.problem("notes", "share_pct=" + plain(share) + " is not a percentage from 0 to 100");
        }
        if (f.hasProblems()) {
            return null;
        }
        return new Baseline(country, stage, year, value, unit, basis, f.text("source"), confidence, f.text("notes"),
                share, publishedOn);
    }

    /** The share a baseline's notes state as {@code share_pct=<number>}, or null. */
    static Double sharePercent(String notes) {
        if (notes == null) {
            return null;
        }
        Matcher m = SHARE.matcher(notes);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    // ---- writing

    /** Starts a CSV file in the sample format: writes the header; the caller prints the rows and closes it. */
    static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT);
        printer.printRecord(header);
        return printer;
    }

    /** A project's values in the order of the projects header, as the sample files write them ("" for empty). */
    public static List<String> projectValues(Project p) {
        Capacity c = p.capacity();
        Investment i = p.investment();
        return List.of(p.id(), p.facilityId(), p.company(),
                p.ownerCountries().stream().map(Country::code).collect(Collectors.joining(";")),
                p.facility(), p.country().code(), text(p.region()), p.stage().code(), p.status().code(),
                text(p.statusAsOf()), c == null ? "" : plain(c.tonnesPerYear()), c == null ? "" : c.unit(),
                c == null ? "" : c.basis().code(), i == null ? "" : i.amount().toPlainString(),
                i == null ? "" : i.currency(), i == null ? "" : plain(i.usdMillions()), text(p.announcedOn()),
                p.targetYear() == null ? "" : p.targetYear().toString(), text(p.offtake()),
                p.offtakeBinding().code(), text(p.confidence()), text(p.sources()), text(p.notes()));
    }

    /** An event's values in the order of the events header. */
    public static List<String> eventValues(FacilityEvent e) {
        Capacity c = e.capacity();
        return List.of(e.facilityId(), e.date().toString(), e.kind().code(),
                e.statusAfter() == null ? "" : e.statusAfter().code(), text(e.value()), text(e.notes()),
                text(e.source()), e.stage() == null ? "" : e.stage().code(),
                e.targetYear() == null ? "" : e.targetYear().code(), c == null ? "" : plain(c.tonnesPerYear()),
                c == null ? "" : c.unit(), c == null ? "" : c.basis().code());
    }

    /** A baseline's values in the order of the baselines header. */
    static List<String> baselineValues(Baseline b) {
        return List.of(b.country().code(), b.stage().code(), String.valueOf(b.year()), plain(b.valueTpa()),
                text(b.unit()), text(b.basis()), text(b.source()), text(b.confidence()), text(b.notes()),
                text(b.publishedOn()));
    }

    /** Plain digits: no {@code .0} on whole numbers, no exponent; empty for null. */
    public static String plain(Double number) {
        return number == null ? "" : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One row's fields; a field that fails a check records a problem and reads as null. */
    private static final class Fields {
        private final String file;
        private final long line;
        private final Function<String, String> raw;
        private final UnaryOperator<String> label;
        private final List<DataProblem> problems;
        private final int before;
        /** Columns already reported as too long: a column is read more than once. */
        private final Set<String> tooLong = new HashSet<>();

        Fields(String file, long line, Function<String, String> raw, UnaryOperator<String> label,
               List<DataProblem> problems) {
            this.file = file;
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
            if (file != null) {
                value = FormulaText.unescape(value); // a file written by export
            }
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
