package io.chokepoint.batch;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchStatus;

import org.jberet.operations.JobOperatorImpl;

/**
 * A developer tool of {@code bench/run.sh}, not a test: the JBeret floor. Starts {@code trivial-floor} (one step
 * that does nothing) with the monthly job's batch environment and job repository (a new SQLite file), waits for it
 * to end and exits; the bench times the whole process, JVM start included, as it does the real job.
 *
 * <pre>java -cp target/test-classes:DIST/lib/* io.chokepoint.batch.TrivialJobFloor REPOSITORY.db</pre>
 */
public final class TrivialJobFloor {

    private TrivialJobFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TrivialJobFloor REPOSITORY.db (a new file)");
            System.exit(2);
        }
        long start = System.nanoTime();
        JobOperator operator = new JobOperatorImpl(new ChokepointBatchEnvironment(Path.of(args[0])));
        long id = operator.start("trivial-floor", new Properties());
        BatchStatus status;
        do {
            Thread.sleep(2);
            status = operator.getJobExecution(id).getBatchStatus();
        } while (status == BatchStatus.STARTING || status == BatchStatus.STARTED);
        System.out.printf("trivial job %s in %d ms (JBeret and its repository started in this JVM)%n", status,
                (System.nanoTime() - start) / 1_000_000);
        System.exit(status == BatchStatus.COMPLETED ? 0 : 1);
    }

    /** The step's batchlet: does nothing. */
    public static final class Nothing extends AbstractBatchlet {
        @Override
        public String process() {
            return "COMPLETED";
        }
    }
}
