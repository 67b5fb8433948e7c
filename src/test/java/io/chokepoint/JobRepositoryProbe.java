package io.chokepoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JBeret's job repository file ({@code <tracker>-jobs.db}) with plain JDBC, as an outside observer: what
 * another process's job is doing right now, without going through (and caching in) a JobOperator.
 */
public final class JobRepositoryProbe {

    private final Path file;

    public JobRepositoryProbe(Path file) {
        this.file = file;
    }

    /** A row of STEP_EXECUTION. */
    public record Step(long jobExecutionId, String name, String status, long readCount, long writeCount,
                       long commitCount) {
    }

    /** A row of JOB_EXECUTION. */
    public record Execution(long id, long instanceId, String status) {
    }

    public List<Step> steps() {
        return query("SELECT JOBEXECUTIONID, STEPNAME, BATCHSTATUS, READCOUNT, WRITECOUNT, COMMITCOUNT"
                + " FROM STEP_EXECUTION ORDER BY STEPEXECUTIONID", rs -> new Step(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
    }

    public List<Execution> executions() {
        return query("SELECT JOBEXECUTIONID, JOBINSTANCEID, BATCHSTATUS FROM JOB_EXECUTION ORDER BY JOBEXECUTIONID",
                rs -> new Execution(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    public Optional<Execution> execution(long id) {
        return executions().stream().filter(e -> e.id() == id).findFirst();
    }

    public Optional<Step> step(long jobExecutionId, String name) {
        return steps().stream().filter(s -> s.jobExecutionId() == jobExecutionId && s.name().equals(name)).findFirst();
    }

    /**
     * Whether some execution has finished clear-period and committed at least one snapshot chunk: the job is
     * mid-way through the snapshot step. False while the repository or its tables do not exist yet.
     */
    public boolean snapshotUnderWay() {
        return steps().stream().anyMatch(s -> s.name().equals("snapshot") && s.status().equals("STARTED")
                && s.commitCount() >= 1)
                && steps().stream().anyMatch(s -> s.name().equals("clear-period") && s.status().equals("COMPLETED"));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return List.of(); // JBeret has not created its tables yet
            }
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
