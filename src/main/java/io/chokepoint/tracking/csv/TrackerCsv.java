package io.chokepoint.tracking.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.chokepoint.tracking.Baseline;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.FacilityEvent;
import io.chokepoint.tracking.FactParser;
import io.chokepoint.tracking.Project;
import io.chokepoint.tracking.TrackerTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes the tracker's CSV files (the format of the sample data: one header row, columns found by name in
 * any order, UTF-8 with or without a byte-order mark, {@code \n} line ends when written). Every problem is
 * collected with its file, the physical line its row starts on (the header is line 1) and its column; the values
 * are checked by the model's {@link FactParser}, as values given on the command line are.
 */
public final class TrackerCsv {

    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\n")
            .get();

    /** What a reader does with a file's rows. */
    public interface Rows<T> {
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

    public static void readProjectRows(String fileName, Reader in, Rows<Project> rows, List<DataProblem> problems) {
        read(fileName, in, TrackerTable.PROJECTS, FactParser::project, rows, problems);
    }

    public static void readEventRows(String fileName, Reader in, Rows<FacilityEvent> rows,
                                     List<DataProblem> problems) {
        read(fileName, in, TrackerTable.EVENTS, FactParser::event, rows, problems);
    }

    public static void readBaselineRows(String fileName, Reader in, Rows<Baseline> rows,
                                        List<DataProblem> problems) {
        read(fileName, in, TrackerTable.BASELINES, FactParser::baseline, rows, problems);
    }

    private static <T> void read(String fileName, Reader in, TrackerTable table,
                                 BiFunction<FactParser.Row, List<DataProblem>, T> build, Rows<T> rows,
                                 List<DataProblem> problems) {
        try (CSVParser parser = CSVParser.builder().setReader(withoutBom(in)).setFormat(READ_FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (namedTwice(fileName, header, problems)) {
                return;
            }
            List<String> missing = table.headerRequired().stream().filter(c -> !header.contains(c)).toList();
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
                    // A file written by export quotes text a spreadsheet would run as a formula.
                    T value = build.apply(new FactParser.Row(fileName, line, raw, UnaryOperator.identity(),
                            FormulaText::unescape), problems);
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

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** Starts a CSV file in the sample format: writes the header; the caller prints the rows and closes it. */
    public static CSVPrinter printer(Writer out, List<String> header) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, WRITE_FORMAT);
        printer.printRecord(header);
        return printer;
    }
}
