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
                + "target_year,capacity_tpa,capacity_unit,capacity_basis\n"
                + "VN-LSEE-01,2025-12-17,approval,,KRW 1,\"a, \"\"b\"\"\",Hải Phòng\n");
    }
}
