package io.chokepoint.stakeholders;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.chokepoint.tracking.ChainStage;
import io.chokepoint.tracking.Country;
import io.chokepoint.tracking.DataProblem;
import io.chokepoint.tracking.InvalidDataException;
import io.chokepoint.tracking.TrackerException;

/**
 * Imports stakeholders from a CSV file with the header {@code email,name,stages,countries} (columns in any order,
 * UTF-8 with or without a byte-order mark). {@code stages} and {@code countries} may be empty (follows all) or
 * list several codes separated by {@code ;}. The import is all or nothing: every problem in the file is
 * collected as {@code FILE:LINE: column: problem} and, if there is any, nothing is written. Known addresses get
 * the file's details and become active again if they had been removed.
 */
public final class StakeholderImport {

    static final List<String> COLUMNS = List.of("email", "name", "stages", "countries");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    /** How many stakeholders the import added, reactivated, updated and left as they were. */
    public record Result(int added, int reactivated, int updated, int unchanged) {
        public int total() {
            return added + reactivated + updated + unchanged;
        }
    }

    private final StakeholderDirectory directory;
    private final Clock clock;

    public StakeholderImport(StakeholderDirectory directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the whole file, then stores every stakeholder in one transaction.
     *
     * @param file  the CSV file
     * @param label how the file is named in problems (usually the path as the user gave it)
     * @throws InvalidDataException listing every problem; nothing was written
     * @throws TrackerException     if the file cannot be read
     */
    public Result run(Path file, String label) {
        return store(read(label, text(file, label)));
    }

    /** As {@link #run(Path, String)}, reading the CSV from {@code in} (standard input). */
    public Result run(java.io.InputStream in, String label) {
        try {
            return store(read(label, decode(in.readAllBytes(), label)));
        } catch (IOException e) {
            throw new TrackerException("cannot import stakeholders: cannot read " + label + ": " + e.getMessage(), e);
        }
    }

    private Result store(List<Stakeholder> stakeholders) {
        List<StakeholderDirectory.Change> changes = directory.upsertAll(stakeholders, clock.instant());
        Map<StakeholderDirectory.Change, Integer> counts = new HashMap<>();
        changes.forEach(c -> counts.merge(c, 1, Integer::sum));
        return new Result(counts.getOrDefault(StakeholderDirectory.Change.ADDED, 0),
                counts.getOrDefault(StakeholderDirectory.Change.REACTIVATED, 0),
                counts.getOrDefault(StakeholderDirectory.Change.UPDATED, 0),
                counts.getOrDefault(StakeholderDirectory.Change.UNCHANGED, 0));
    }

    private static String text(Path file, String label) {
        try {
            return decode(Files.readAllBytes(file), label);
        } catch (NoSuchFileException e) {
            throw new TrackerException("cannot import stakeholders: " + label + " does not exist");
        } catch (IOException e) {
            throw new TrackerException("cannot import stakeholders: cannot read " + label + ": " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes, String label) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(List.of(new DataProblem(label, 0, "file", "is not UTF-8 text")));
        }
    }

    /** Parses the file's text; every problem is collected before anything is returned. */
    static List<Stakeholder> read(String label, String text) {
        List<DataProblem> problems = new ArrayList<>();
        List<Stakeholder> stakeholders = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        LineNumbers lines = new LineNumbers(text);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> twice = header.stream().filter(h -> !h.isBlank())
                    .filter(h -> header.indexOf(h) != header.lastIndexOf(h)).distinct().toList();
            if (!twice.isEmpty()) {
                throw new InvalidDataException(twice.stream().map(h -> new DataProblem(label, 1, h,
                        "column named twice in the header (columns " + (header.indexOf(h) + 1) + " and "
                                + (header.lastIndexOf(h) + 1) + "); keep one of them")).toList());
            }
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidDataException(List.of(new DataProblem(label, 1, String.join(",", missing),
                        "missing column (the header must name " + String.join(",", COLUMNS) + ")")));
            }
            for (CSVRecord record : parser) {
                long line = lines.at(record.getCharacterPosition());
                Row row = new Row(label, line, record, problems);
                int before = problems.size();
                String email = row.value("email", ContactText::email);
                String name = row.value("name", ContactText::name);
                List<ChainStage> stages = row.list("stages", Stakeholder::stage);
                List<Country> countries = row.list("countries", Stakeholder::country);
                if (email != null) {
                    Long first = seen.putIfAbsent(Stakeholder.key(email), line);
                    if (first != null) {
                        problems.add(new DataProblem(label, line, "email", "'" + email
                                + "' is already on line " + first + " (addresses are compared ignoring case)"));
                    }
                }
                if (problems.size() == before) {
                    stakeholders.add(new Stakeholder(email, name, stages, countries));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // commons-csv reports a malformed file (an unclosed quote, a repeated header) as an unchecked exception.
            problems.add(new DataProblem(label, 0, "file", "cannot be read as CSV: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDataException(problems);
        }
        return stakeholders;
    }

    /** One record's fields; a field that fails its check records a problem and reads as null (or empty). */
    private record Row(String label, long line, CSVRecord record, List<DataProblem> problems) {

        private String raw(String column) {
            return record.isSet(column) ? record.get(column) : "";
        }

        <T> T value(String column, Function<String, T> check) {
            try {
                return check.apply(raw(column));
            } catch (IllegalArgumentException e) {
                problems.add(new DataProblem(label, line, column, e.getMessage()));
                return null;
            }
        }

        <T> List<T> list(String column, Function<String, T> parse) {
            List<T> values = new ArrayList<>();
            for (String code : Arrays.stream(raw(column).split(";")).filter(c -> !c.isBlank()).toList()) {
                T value = value(column, c -> parse.apply(code));
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
    }

    /**
     * Line numbers of character positions. A quoted field may hold a line break, so a record's line is where it
     * starts, not the parser's current line.
     */
    private static final class LineNumbers {
        private final List<Integer> lineStarts = new ArrayList<>();

        LineNumbers(String text) {
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    lineStarts.add(i + 1);
                }
            }
        }

        long at(long position) {
            int index = Collections.binarySearch(lineStarts, (int) position);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
