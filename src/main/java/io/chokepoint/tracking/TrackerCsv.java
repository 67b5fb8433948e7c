package io.chokepoint.tracking;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the tracker's CSV files (the format of the sample data: one header row, columns found by name in any
 * order, UTF-8 with or without a byte-order mark). Every problem is collected with its file, line and column.
 */
public final class TrackerCsv {

    static final List<String> PROJECT_COLUMNS = List.of("id", "facility_id", "company", "owner_country", "facility",
            "country", "region", "stage", "status", "status_as_of", "capacity_tpa", "capacity_unit", "capacity_basis",
            "investment_amount", "investment_currency", "investment_usd_m", "announced_on", "target_year", "offtake",
            "offtake_binding", "confidence", "sources", "notes");
    static final List<String> EVENT_COLUMNS = List.of("facility_id", "date", "event", "status_after", "value",
            "notes", "source");
    static final List<String> BASELINE_COLUMNS = List.of("country", "stage", "year", "value_tpa", "unit", "basis",
            "source", "confidence", "notes");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private TrackerCsv() {
    }

    public static void readProjects(String fileName, Reader in, Consumer<Project> sink, List<DataProblem> problems) {
        read(fileName, in, PROJECT_COLUMNS, List.of("id", "facility_id", "company", "owner_country", "facility",
                "country", "stage", "status"), TrackerCsv::project, sink, problems);
    }

    public static void readEvents(String fileName, Reader in, Consumer<FacilityEvent> sink, List<DataProblem> problems) {
        read(fileName, in, EVENT_COLUMNS, List.of("facility_id", "date", "event"), TrackerCsv::event, sink, problems);
    }

    public static void readBaselines(String fileName, Reader in, Consumer<Baseline> sink, List<DataProblem> problems) {
        read(fileName, in, BASELINE_COLUMNS, List.of("country", "stage", "year", "basis"), TrackerCsv::baseline,
                sink, problems);
    }

    private static <T> void read(String fileName, Reader in, List<String> columns, List<String> required,
                                 Function<Fields, T> build, Consumer<T> sink, List<DataProblem> problems) {
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(in)).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = columns.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new DataProblem(fileName, 1, String.join(",", missing), "missing column"));
                return;
            }
            for (CSVRecord record : parser) {
                Fields fields = new Fields(fileName, record, problems);
                for (String column : required) {
                    fields.required(column);
                }
                int before = problems.size();
                T value = null;
                try {
                    value = build.apply(fields);
                } catch (IllegalArgumentException | NullPointerException e) {
                    // A record check that no single field caught (e.g. a capacity without a unit).
                    if (problems.size() == before) {
                        problems.add(new DataProblem(fileName, record.getParser().getCurrentLineNumber(),
                                "row", e.getMessage()));
                    }
                }
                if (value != null && problems.size() == before) {
                    sink.accept(value);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new DataProblem(fileName, 0, "file", "cannot be read as CSV: " + e.getMessage()));
        }
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
        Capacity capacity = null;
        Double tpa = f.decimal("capacity_tpa");
        String unit = f.text("capacity_unit");
        if (tpa != null) {
            if (unit == null) {
                f.problem("capacity_unit", "is required when capacity_tpa is given");
                return null;
            }
            CapacityBasis basis = f.code("capacity_basis", CapacityBasis::fromCode);
            if (basis == null) {
                f.problem("capacity_basis", "is required when capacity_tpa is given");
                return null;
            }
            capacity = new Capacity(tpa, unit, basis);
        }
        Investment investment = null;
        BigDecimal amount = f.amount("investment_amount");
        if (amount != null) {
            String currency = f.text("investment_currency");
            if (currency == null || !currency.matches("[A-Z]{3}")) {
                f.problem("investment_currency", "must be an ISO 4217 code such as USD when an amount is given");
                return null;
            }
            investment = new Investment(amount, currency, f.decimal("investment_usd_m"));
        }
        OfftakeBinding binding = f.text("offtake_binding") == null ? OfftakeBinding.UNKNOWN
                : f.code("offtake_binding", OfftakeBinding::fromCode);
        return new Project(f.text("id"), f.text("facility_id"), f.text("company"),
                f.countries("owner_country"), f.text("facility"), f.country("country"), f.text("region"),
                f.code("stage", ChainStage::fromCode), f.code("status", ProjectStatus::fromCode),
                f.date("status_as_of"), capacity, investment, f.date("announced_on"), f.year("target_year"),
                f.text("offtake"), binding, f.text("confidence"), f.text("sources"), f.text("notes"));
    }

    private static FacilityEvent event(Fields f) {
        return new FacilityEvent(f.text("facility_id"), f.date("date"), f.code("event", EventKind::fromCode),
                f.code("status_after", ProjectStatus::fromCode), f.text("value"), f.text("notes"), f.text("source"));
    }

    private static Baseline baseline(Fields f) {
        Double value = f.decimal("value_tpa");
        if (value != null && f.text("unit") == null) {
            f.problem("unit", "is required when value_tpa is given");
            return null;
        }
        return new Baseline(f.country("country"), f.code("stage", ChainStage::fromCode), f.year("year"), value,
                f.text("unit"), f.text("basis"), f.text("source"), f.text("confidence"), f.text("notes"));
    }

    /** One record's fields; a field that fails to parse records a problem and reads as null. */
    private static final class Fields {
        private final String file;
        private final CSVRecord record;
        private final List<DataProblem> problems;

        Fields(String file, CSVRecord record, List<DataProblem> problems) {
            this.file = file;
            this.record = record;
            this.problems = problems;
        }

        long line() {
            return record.getParser().getCurrentLineNumber();
        }

        void problem(String column, String message) {
            problems.add(new DataProblem(file, line(), column, message));
        }

        String raw(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        }

        String text(String column) {
            String value = raw(column).strip();
            return value.isEmpty() ? null : value;
        }

        void required(String column) {
            if (text(column) == null) {
                problem(column, "is required");
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
            if (!value.matches("\\d{4}")) {
                problem(column, "'" + value + "' is not a four-digit year");
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
            try {
                BigDecimal number = new BigDecimal(value);
                if (number.signum() < 0) {
                    problem(column, "must not be negative, was " + value);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                problem(column, "'" + value + "' is not a number (plain digits, no thousands separators)");
                return null;
            }
        }
    }
}
