package io.chokepoint.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;

import org.jberet.operations.JobOperatorImpl;
import org.jberet.spi.PropertyKey;

import io.chokepoint.summary.AnalysisSettings;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The monthly job against one tracker: starts and restarts executions and reads their history. Executions are
 * kept in the tracker's own job repository ({@link TrackerDatabase#jobRepositoryFile()}), so a later process sees
 * them. Which of start or restart a period needs is decided by {@link MonthlyRun}.
 */
public final class ReportJob {

    /** The job's name: the file name of {@code jobs/monthly-report.xml}. */
    public static final String JOB_NAME = "monthly-report";

    private final TrackerDatabase tracker;
    private final JobOperator operator;

    public ReportJob(TrackerDatabase tracker) {
        this.tracker = tracker;
        this.operator = new JobOperatorImpl(new ChokepointBatchEnvironment(tracker));
    }

    public TrackerDatabase tracker() {
        return tracker;
    }

    /**
     * Starts a new execution for the period and waits for it to end, without the decision table or the tracker's
     * lock: for callers that own the tracker (tests). The command line goes through {@link MonthlyRun}.
     */
    public RunOutcome start(ReportPeriod period, Path reportsDir) {
        return start(period, reportsDir, EmailOptions.defaults());
    }

    /** As {@link #start(ReportPeriod, Path)}, with the given email options. */
    public RunOutcome start(ReportPeriod period, Path reportsDir, EmailOptions email) {
        return startNew(period, reportsDir, RunOptions.defaults().withEmail(email), List.of()).await();
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint with this run's email options and waits for
     * it to end, without the decision table or the lock: for callers that own the tracker (tests).
     */
    public RunOutcome restart(JobExecution failed, EmailOptions email) {
        ReportPeriod period = ReportPeriod.parse(failed.getJobParameters().getProperty("period"));
        RunPlan.Restart plan = new RunPlan.Restart(period, failed.getExecutionId(), failed.getBatchStatus().name(),
                reportsDirOf(failed));
        return restart(plan, RunOptions.defaults().withEmail(email), false).await();
    }

    RunningExecution startNew(ReportPeriod period, Path reportsDir, RunOptions options, List<Path> archived) {
        Path reports = reportsDir.toAbsolutePath().normalize();
        Properties parameters = new Properties();
        parameters.setProperty("period", period.toString());
        parameters.setProperty("db", tracker.location());
        parameters.setProperty("reports", reports.toString());
        // A bad settings file is refused here, before an execution exists, rather than failing the job later.
        options.analysis().ifPresent(AnalysisSettings::load);
        options.addTo(parameters);
        long id = operator.start(JOB_NAME, parameters);
        return new RunningExecution(operator, id, RunAction.STARTED, period, reports, archived);
    }

    /**
     * Restarts an execution from its last checkpoint with its original parameters. {@code force} marks an
     * execution left STARTING, STARTED or STOPPING as FAILED first: only for one whose process is known to be gone.
     */
    RunningExecution restart(RunPlan.Restart plan, RunOptions options, boolean force) {
        Properties overrides = new Properties();
        options.analysis().ifPresent(AnalysisSettings::load);
        options.addTo(overrides);
        if (force) {
            overrides.setProperty(PropertyKey.RESTART_MODE, PropertyKey.RESTART_MODE_FORCE);
        }
        long id = operator.restart(plan.executionId(), overrides);
        return new RunningExecution(operator, id, RunAction.RESTARTED, plan.period(), plan.reportsDir(), List.of());
    }

    /** The latest period with a completed execution in this tracker's repository (for the schedule's catch-up). */
    public Optional<ReportPeriod> lastCompletedPeriod() {
        return executions().stream()
                .filter(e -> e.getBatchStatus() == jakarta.batch.runtime.BatchStatus.COMPLETED)
                .map(e -> e.getJobParameters().getProperty("period"))
                .filter(java.util.Objects::nonNull)
                .map(ReportPeriod::parse)
                .max(ReportPeriod::compareTo);
    }

    /** The most recent execution of the job for the period, if it was ever run against this tracker. */
    public Optional<JobExecution> latestExecution(ReportPeriod period) {
        return executions().stream()
                .filter(e -> period.toString().equals(periodOf(e)))
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

    /** The execution with this id, if the repository has it. */
    Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.of(operator.getJobExecution(executionId));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** The job parameters an execution started with, if the repository has it. */
    public Optional<Properties> parameters(long executionId) {
        return execution(executionId).map(JobExecution::getJobParameters);
    }

    /**
     * Marks an ended execution ABANDONED, so that it is never restarted and the next {@code run} of its period starts
     * a new job instance. One left STARTING, STARTED or STOPPING is abandoned only when {@code deadProcess} says its
     * process is known to be gone (the caller holds the tracker's lock): JBeret itself refuses to abandon it.
     */
    void abandon(JobExecution execution, boolean deadProcess) {
        if (deadProcess && RunningExecution.isRunning(execution.getBatchStatus())
                && execution instanceof org.jberet.runtime.JobExecutionImpl impl
                && operator instanceof org.jberet.operations.AbstractJobOperator jberet) {
            impl.setBatchStatus(jakarta.batch.runtime.BatchStatus.ABANDONED);
            impl.setLastUpdatedTime(System.currentTimeMillis());
            jberet.getJobRepository().updateJobExecution(impl, false, false);
            return;
        }
        operator.abandon(execution.getExecutionId());
    }

    /** The most recent execution of the job instance that {@code execution} belongs to. */
    JobExecution latestOfInstance(JobExecution execution) {
        JobInstance instance = operator.getJobInstance(execution.getExecutionId());
        return operator.getJobExecutions(instance).stream()
                .max(Comparator.comparingLong(JobExecution::getExecutionId))
                .orElse(execution);
    }

    /**
     * Executions newest first, with their steps' status and counts.
     *
     * @param period only this period's executions, if given
     * @param limit  at most this many
     */
    public List<ExecutionSummary> history(Optional<ReportPeriod> period, int limit) {
        List<JobExecution> all = new ArrayList<>(executions());
        all.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
        return all.stream()
                .filter(e -> period.map(p -> p.toString().equals(periodOf(e))).orElse(true))
                .limit(limit)
                .map(this::summary)
                .toList();
    }

    private ExecutionSummary summary(JobExecution e) {
        long instanceId = operator.getJobInstance(e.getExecutionId()).getInstanceId();
        List<StepSummary> steps = operator.getStepExecutions(e.getExecutionId()).stream()
                .sorted(Comparator.comparingLong(StepExecution::getStepExecutionId))
                .map(ReportJob::summary)
                .toList();
        return new ExecutionSummary(e.getExecutionId(), instanceId, periodOf(e), e.getBatchStatus().name(),
                e.getExitStatus(), instant(e.getStartTime()), instant(e.getEndTime()), steps);
    }

    private static StepSummary summary(StepExecution s) {
        return new StepSummary(s.getStepName(), s.getBatchStatus().name(), s.getExitStatus(),
                instant(s.getStartTime()), instant(s.getEndTime()),
                metric(s, Metric.MetricType.READ_COUNT), metric(s, Metric.MetricType.WRITE_COUNT),
                metric(s, Metric.MetricType.COMMIT_COUNT), metric(s, Metric.MetricType.ROLLBACK_COUNT),
                metric(s, Metric.MetricType.FILTER_COUNT));
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        Metric[] metrics = step.getMetrics();
        if (metrics == null) {
            return 0;
        }
        for (Metric m : metrics) {
            if (m.getType() == type) {
                return m.getValue();
            }
        }
        return 0;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String periodOf(JobExecution execution) {
        Properties parameters = execution.getJobParameters();
        return parameters == null ? null : parameters.getProperty("period");
    }

    static Path reportsDirOf(JobExecution execution) {
        return Path.of(execution.getJobParameters().getProperty("reports"));
    }

    JobOperator operator() {
        return operator;
    }
}
