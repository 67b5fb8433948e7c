package io.chokepoint.tracking.csv;

import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FactParser;
import io.chokepoint.tracking.FactText;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.TrackerTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class TrackerCsvTest {

    private static final String HEADER = "facility_id,date,event,status_after,value,notes,source\n";

    private record Read(List<Long> validLines, List<String> problems) {
    }

    private static Read events(String text) {
        List<Long> lines = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        TrackerCsv.readEventRows("events.csv", new StringReader(text), (line, e) -> lines.add(line), problems);
        return new Read(lines, problems.stream().map(DataProblem::toString).toList());
    }

    @Test
    void rowsAfterAMultiLineFieldAndBlankLines_areReportedAtThePhysicalLineTheyStartOn() {
        Read read = events(HEADER
                + "VN-LSEE-01,2025-12-17,approval,approved,,\"two\nlines\",S\n"
                + "\n"
                + "VN-LSEE-01,2025-12-32,approval,,,,S\n"
                + "VN-LSEE-01,2025-12-18,approval,,,,S");

        assertThat(read.validLines()).containsExactly(2L, 6L);
        assertThat(read.problems()).containsExactly(
                "events.csv:5: date: '2025-12-32' is not a date of the form YYYY-MM-DD");
    }

    @Test
    void windowsLineEndsAndAByteOrderMark_doNotShiftLines() {
        Read read = events("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "VN-LSEE-01,2025-12-17,approval,,,,S\r\n"
                + "VN-LSEE-01,2025-12-17,approvl,,,,S\r\n");

        assertThat(read.validLines()).containsExactly(2L);
        assertThat(read.problems()).singleElement().asString().startsWith("events.csv:3: event: unknown event 'approvl'");
    }

    @Test
    void rowWithTooFewFields_isOneProblemNotACascade() {
        Read read = events(HEADER + "VN-LSEE-01,2025-12-17\n");

        assertThat(read.problems()).containsExactly("events.csv:2: row: has 2 fields, the header has 7");
    }

    @Test
    void unterminatedQuote_isReportedAtTheLineItStartsOn() {
        Read read = events(HEADER + "VN-LSEE-01,2025-12-17,approval,,,,S\n" + "VN-LSEE-01,\"2025-12-18,approval,,,,S\n");

        assertThat(read.validLines()).containsExactly(2L);
        assertThat(read.problems()).singleElement().asString().startsWith("events.csv:3: file: cannot be read as CSV");
    }

    @Test
    void commandLineValues_nameTheOptionInEveryMessage() {
        List<DataProblem> problems = new ArrayList<>();

        Project p = FactParser.project(FactParser.Row.of(Map.of("id", "X-1-MET", "facility_id", "X-1", "company",
                        "Co", "owner_country", "KR", "facility", "F", "country", "VN", "stage", "metal", "status",
                        "approved", "capacity_tpa", "500"),
                c -> "--" + c.replace('_', '-')), problems);

        assertThat(p).isNull();
        assertThat(problems).extracting(DataProblem::toString).containsExactly(
                "--capacity-unit: is required when --capacity-tpa is given",
                "--capacity-basis: is required when --capacity-tpa is given");
    }

    @Test
    void numbers_areWrittenAsPlainDigits() {
        assertThat(FactText.plain(10000.0)).isEqualTo("10000");
        assertThat(FactText.plain(1.0E7)).isEqualTo("10000000");
        assertThat(FactText.plain(19.3)).isEqualTo("19.3");
        assertThat(FactText.plain(0.0)).isEqualTo("0");
        assertThat(FactText.plain(null)).isEmpty();
    }

    @Test
    void writtenRows_quoteOnlyWhereNeeded() throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = TrackerCsv.printer(out, TrackerTable.EVENTS.columns())) {
            printer.printRecord(List.of("VN-LSEE-01", "2025-12-17", "approval", "", "KRW 1", "a, \"b\"", "Hải Phòng"));
        }

        assertThat(out.toString()).isEqualTo("facility_id,date,event,status_after,value,notes,source,stage,"
                + "target_year,capacity_tpa,capacity_unit,capacity_basis,amount,amount_currency,amount_usd_m,"
                + "funding_kind,funding_status,date_precision\n"
                + "VN-LSEE-01,2025-12-17,approval,,KRW 1,\"a, \"\"b\"\"\",Hải Phòng\n");
    }

    private static final String TYPED_HEADER = "facility_id,date,event,status_after,value,notes,source,stage,"
            + "target_year,capacity_tpa,capacity_unit,capacity_basis,amount,amount_currency,amount_usd_m,funding_kind,"
            + "funding_status,date_precision\n";

    @Test
    void typedMoneyAndPrecision_oneProblemPerBadCell() {
        Read read = events(TYPED_HEADER
                + "AU-ARAFURA-01,2025-12-12,financing,,AUD 475 M,,S,,,,,,475000000,AUD,,equity,closed,day\n"
                + "AU-ARAFURA-01,2025-12-01,financing,,x,,S,,,,,,\"1,000\",AUX,-3,loan,done,week\n"
                + "AU-ARAFURA-01,2025-12-02,financing,,y,,S,,,,,,,AUD,,,proposed,\n"
                + "AU-ARAFURA-01,2025-12-03,financing,,z,,S,,,,,,500,,,,,month\n");

        assertThat(read.validLines()).containsExactly(2L);
        assertThat(read.problems()).containsExactly(
                "events.csv:3: amount: '1,000' is not a number (plain digits, no thousands separators)",
                "events.csv:3: amount_usd_m: must not be negative, was -3",
                "events.csv:3: funding_kind: unknown funding kind 'loan', expected one of equity, debt, grant, "
                        + "government_commitment, prepayment, other",
                "events.csv:3: funding_status: unknown funding status 'done', expected one of closed, committed, "
                        + "proposed",
                "events.csv:3: amount_currency: 'AUX' is not an ISO 4217 currency code such as USD",
                "events.csv:3: date_precision: unknown date precision 'week', expected one of day, month, quarter, "
                        + "year",
                "events.csv:4: amount_currency: must be empty when amount is empty",
                "events.csv:4: funding_status: must be empty when amount is empty",
                "events.csv:5: amount_currency: is required when amount is given",
                "events.csv:5: funding_kind: is required when amount is given",
                "events.csv:5: funding_status: is required when amount is given");
    }

    @Test
    void typedMoney_roundTripsThroughTheColumnsAsWritten() {
        List<io.chokepoint.tracking.FacilityEvent> read = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        String row = "AU-ARAFURA-01,2025-12-12,financing,,AUD 475 M,,S,,,,,,475000000,AUD,310.5,equity,closed,month";
        TrackerCsv.readEvents("events.csv", new StringReader(TYPED_HEADER + row + "\n"), read::add, problems);

        assertThat(problems).isEmpty();
        io.chokepoint.tracking.FacilityEvent e = read.get(0);
        assertThat(e.funding().amount()).isEqualByComparingTo("475000000");
        assertThat(e.funding().status()).isEqualTo(io.chokepoint.tracking.Funding.Status.CLOSED);
        assertThat(e.newsDate()).isEqualTo(java.time.LocalDate.parse("2025-12-31"));
        assertThat(String.join(",", FactText.eventValues(e))).isEqualTo(row);
    }
}
