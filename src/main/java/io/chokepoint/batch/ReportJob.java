package io.chokepoint.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;

import org.jberet.operations.JobOperatorImpl;

import io.chokepoint.report.ReportFiles;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.TrackerDatabase;

/**
 * Starts or restarts the monthly job for a period against one tracker, waits for it to end, and reports how it
 * ended. Executions are kept in the tracker's own job repository, so a later process sees them.
 */
public final class ReportJob {

    /** The job's name: the file name of {@code jobs/monthly-report.xml}. */
    public static final String JOB_NAME = "monthly-report";

    private final TrackerDatabase tracker;
    private final JobOperator operator;

    public ReportJob(TrackerDatabase tracker) {
        this.tracker = tracker;
        this.operator = new JobOperatorImpl(new ChokepointBatchEnvironment(tracker.jobRepositoryFile()));
    }

    /** Starts a new execution for the period and waits for it to end. */
    public RunOutcome start(ReportPeriod period, Path reportsDir) {
        return start(period, reportsDir, EmailOptions.defaults());
    }

    /** Starts a new execution for the period, with the given email options, and waits for it to end. */
    public RunOutcome start(ReportPeriod period, Path reportsDir, EmailOptions email) {
        Properties parameters = email.parameters();
        parameters.setProperty("period", period.toString());
        parameters.setProperty("db", tracker.file().toString());
        parameters.setProperty("reports", reportsDir.toAbsolutePath().normalize().toString());
        long id = operator.start(JOB_NAME, parameters);
        return await(period, id, RunAction.STARTED, reportsDir);
    }

    /** Restarts a failed or stopped execution from its last checkpoint and waits for it to end. */
    public RunOutcome restart(JobExecution failed) {
        return restart(failed, new Properties());
    }

    /** As {@link #restart(JobExecution)}, with this run's email options replacing the failed run's. */
    public RunOutcome restart(JobExecution failed, EmailOptions email) {
        return restart(failed, email.parameters());
    }

    private RunOutcome restart(JobExecution failed, Properties overrides) {
        ReportPeriod period = ReportPeriod.parse(failed.getJobParameters().getProperty("period"));
        Path reportsDir = Path.of(failed.getJobParameters().getProperty("reports"));
        long id = operator.restart(failed.getExecutionId(), overrides);
        return await(period, id, RunAction.RESTARTED, reportsDir);
    }

    /** The most recent execution of the job for the period, if it was ever run against this tracker. */
    public Optional<JobExecution> latestExecution(ReportPeriod period) {
        return executions().stream()
                .filter(e -> period.toString().equals(e.getJobParameters().getProperty("period")))
                .max(Comparator.comparingLong(JobExecution::getExecutionId));
    }

    /** Every execution of the job in this tracker's repository, oldest first. */
    public List<JobExecution> executions() {
        List<JobExecution> all = new ArrayList<>();
        try {
            int count = operator.getJobInstanceCount(JOB_NAME);
            for (JobInstance instance : operator.getJobInstances(JOB_NAME, 0, count)) {
                all.addAll(operator.getJobExecutions(instance));
            }
        } catch (NoSuchJobException e) {
            return List.of(); // JBeret's way of saying the repository has no execution of this job yet
        }
        all.sort(Comparator.comparingLong(JobExecution::getExecutionId));
        return all;
    }

    private RunOutcome await(ReportPeriod period, long executionId, RunAction action, Path reportsDir) {
        JobExecution execution = operator.getJobExecution(executionId);
        boolean interrupted = false;
        while (isRunning(execution.getBatchStatus())) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                // Asked to give up: stop the job cleanly (STOPPED is restartable) and wait for it to get there.
                if (!interrupted) {
                    operator.stop(executionId);
                }
                interrupted = true;
            }
            execution = operator.getJobExecution(executionId);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        ReportFiles files = new ReportFiles(reportsDir, period);
        List<Path> written = Stream.of(files.workbook(), files.pdf()).filter(Files::exists).toList();
        return new RunOutcome(period, executionId, action, execution.getBatchStatus(), execution.getExitStatus(),
                written);
    }

    private static boolean isRunning(BatchStatus status) {
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING;
    }

    JobOperator operator() {
        return operator;
    }
}
