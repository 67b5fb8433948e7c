package io.chokepoint.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.chokepoint.batch.ExecutionSummary;
import io.chokepoint.batch.ReportJob;
import io.chokepoint.batch.StepSummary;
import io.chokepoint.stakeholders.DeliveryLog;
import io.chokepoint.stakeholders.DeliveryRecord;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code status}: the job's executions, newest first, with each step's status and counts. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
                "Lists executions of the monthly job from the tracker's job repository, newest first: id, period,"
                        + " status, exit status, start, end, duration, and per step its status and read/write/commit"
                        + " counts.",
                "Then the mail of unknown outcome (sent without a definite reply, or left sending by a process that"
                        + " died), each with the deliver --resend command that sends it again on purpose.",
                "Reads only; it does not wait for a running job."})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "Only this period's executions.")
    ReportPeriod period;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N executions (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    TrackerOptions tracker = new TrackerOptions();

    StatusCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + limit);
        }
        // connect, not open: asking for the status of a tracker that does not exist must not create one.
        TrackerDatabase db = tracker.connect(environment);
        ReportJob job = new ReportJob(db);
        List<ExecutionSummary> executions = job.history(Optional.ofNullable(period), limit);
        List<DeliveryRecord> inDoubt = new DeliveryLog(db).inDoubt(period);
        PrintWriter out = environment.out();
        if (json) {
            out.println(json(new StatusView(ReportJob.JOB_NAME, db.jobRepository(),
                    executions.stream().map(StatusCommand::view).toList(),
                    inDoubt.stream().map(StatusCommand::view).toList())));
        } else if (executions.isEmpty()) {
            out.println("No executions of " + ReportJob.JOB_NAME + (period == null ? "" : " for period " + period)
                    + " in " + db.jobRepository());
        } else {
            out.print(table(executions, environment.clock().getZone()));
            out.println("Times in " + zoneName(environment.clock().getZone()) + "; newest first, at most " + limit + ".");
        }
        if (!json) {
            UncertainDeliveries.print(out, inDoubt);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String table(List<ExecutionSummary> executions, ZoneId zone) {
        TextTable table = new TextTable("ID", "PERIOD", "STEP", "STATUS", "EXIT STATUS", "START", "END", "DURATION",
                "READ", "WRITE", "COMMIT");
        table.rightAligned(0, 7, 8, 9, 10);
        for (ExecutionSummary e : executions) {
            table.row(Long.toString(e.executionId()), nullToEmpty(e.period()), "", e.status(),
                    nullToEmpty(e.exitStatus()), time(e.start(), zone), time(e.end(), zone),
                    e.duration().map(StatusCommand::duration).orElse(""), "", "", "");
            for (StepSummary s : e.steps()) {
                table.row("", "", "  " + s.name(), s.status(), nullToEmpty(s.exitStatus()), time(s.start(), zone),
                        time(s.end(), zone), s.start() == null || s.end() == null ? ""
                                : duration(Duration.between(s.start(), s.end())),
                        Long.toString(s.readCount()), Long.toString(s.writeCount()), Long.toString(s.commitCount()));
            }
        }
        return table.render();
    }

    private static String zoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        }
        return zone.getId();
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        return seconds < 3600 ? String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String json(StatusView view) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as JSON", e);
        }
    }

    private static ExecutionView view(ExecutionSummary e) {
        return new ExecutionView(e.executionId(), e.jobInstanceId(), e.period(), e.status(), e.exitStatus(),
                text(e.start()), text(e.end()), e.duration().map(Duration::toMillis).orElse(null),
                e.steps().stream().map(StatusCommand::view).toList());
    }

    private static StepView view(StepSummary s) {
        return new StepView(s.name(), s.status(), s.exitStatus(), text(s.start()), text(s.end()),
                s.start() == null || s.end() == null ? null : Duration.between(s.start(), s.end()).toMillis(),
                s.readCount(), s.writeCount(), s.commitCount(), s.rollbackCount(), s.filterCount());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static DeliveryView view(DeliveryRecord d) {
        return new DeliveryView(d.period().toString(), d.recipient(), d.outcome().name(), d.messageId(),
                text(d.startedAt()), UncertainDeliveries.why(d), UncertainDeliveries.resendCommand(d));
    }

    /** The JSON document: times are ISO-8601 instants (UTC), durations in milliseconds, absent values null. */
    record StatusView(String job, String jobRepository, List<ExecutionView> executions,
                      List<DeliveryView> uncertainDeliveries) {
    }

    /** A delivery of unknown outcome (UNCERTAIN or SENDING) and the command that sends it again on purpose. */
    record DeliveryView(String period, String recipient, String outcome, String messageId, String startedAt,
                        String reason, String resendCommand) {
    }

    record ExecutionView(long executionId, long jobInstanceId, String period, String status, String exitStatus,
                         String start, String end, Long durationMillis, List<StepView> steps) {
    }

    record StepView(String name, String status, String exitStatus, String start, String end, Long durationMillis,
                    long readCount, long writeCount, long commitCount, long rollbackCount, long filterCount) {
    }

    /** A plain-text table with columns as wide as their widest cell. */
    private static final class TextTable {
        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] right;

        TextTable(String... header) {
            rows.add(header);
            right = new boolean[header.length];
        }

        void rightAligned(int... columns) {
            for (int c : columns) {
                right[c] = true;
            }
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render() {
            int[] width = new int[right.length];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    String pad = " ".repeat(width[c] - row[c].length());
                    line.append(right[c] ? pad + row[c] : row[c] + pad);
                    if (c < row.length - 1) {
                        line.append("  ");
                    }
                }
                text.append(line.toString().stripTrailing()).append(System.lineSeparator());
            }
            return text.toString();
        }
    }
}
