package io.chokepoint.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.transaction.TransactionManager;

import org.jberet.repository.JdbcRepository;
import org.jberet.repository.JobRepository;
import org.jberet.spi.ArtifactFactory;
import org.jberet.spi.BatchEnvironment;
import org.jberet.spi.JobExecutor;
import org.jberet.spi.JobTask;
import org.jberet.spi.JobXmlResolver;
import org.jberet.tools.ChainedJobXmlResolver;
import org.jberet.tools.MetaInfBatchJobsJobXmlResolver;

import io.chokepoint.tracking.store.SqliteFile;
import io.chokepoint.tracking.store.PostgresDatabase;
import io.chokepoint.tracking.store.InputSnapshot;
import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.store.TrackerDatabase;
import io.chokepoint.tracking.store.TrackerFile;
import org.jberet.tx.LocalTransactionManager;

/**
 * JBeret in Java SE without CDI, with its job repository in a SQLite file of our choosing.
 *
 * <p>Stock {@code BatchSEEnvironment} boots Weld for every run (seconds, tens of MB) and keeps one job
 * repository per JVM whatever file it was configured with. Here JBeret creates artifacts itself from
 * {@code META-INF/batch.xml} names and injects their {@code @BatchProperty} and context fields, and each
 * environment owns the repository of one tracker.
 */
final class ChokepointBatchEnvironment implements BatchEnvironment {

    private final TrackerDatabase tracker;
    private final JobRepository repository;
    private final JobExecutor executor;
    private final ThreadPoolExecutor threads;
    private final JobXmlResolver jobXmlResolver = new ChainedJobXmlResolver(new MetaInfBatchJobsJobXmlResolver());

    ChokepointBatchEnvironment(Path repositoryFile) {
        this(null, repositoryFile);
    }

    /**
     * The environment of one tracker: its job repository is a SQLite file beside a tracker file, or, for a tracker on
     * PostgreSQL, tables in the same database (prefixed {@code jberet_}), so any host that reaches the database sees
     * every execution.
     */
    ChokepointBatchEnvironment(TrackerDatabase tracker) {
        this(tracker, tracker.backend() instanceof SqliteFile sqlite ? sqlite.jobRepositoryFile() : null);
    }

    private ChokepointBatchEnvironment(TrackerDatabase tracker, Path repositoryFile) {
        this.tracker = tracker;
        if (repositoryFile != null) {
            TrackerFile.checkJobRepository(repositoryFile); // garbage there is one line (exit 3), not JBeret's trace
            createPrivately(repositoryFile);
            this.repository = JdbcRepository.create(repositoryProperties(repositoryFile));
        } else if (tracker.backend() instanceof PostgresDatabase server) {
            this.repository = JdbcRepository.create(repositoryProperties(server.login()));
        } else {
            throw new IllegalStateException("no job repository for " + tracker.location());
        }
        AtomicInteger number = new AtomicInteger();
        this.threads = (ThreadPoolExecutor) Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "chokepoint-batch-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor = new JobExecutor(threads) {
            @Override
            protected int getMaximumPoolSize() {
                return threads.getMaximumPoolSize();
            }
        };
    }

    /** The repository holds job parameters (paths, the mail settings file): owner-only, like the tracker. */
    private static void createPrivately(Path repositoryFile) {
        if (!Files.exists(repositoryFile)) {
            try {
                TrackerFile.createPrivate(repositoryFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the job repository " + repositoryFile + ": "
                        + e.getMessage(), e);
            }
        }
    }

    static Properties repositoryProperties(Path repositoryFile) {
        Properties p = new Properties();
        p.setProperty("job-repository-type", "jdbc");
        p.setProperty(JdbcRepository.DB_URL_KEY, "jdbc:sqlite:" + repositoryFile.toAbsolutePath());
        // JBeret's bundled DDL is H2's; SQLite needs its own key columns.
        p.setProperty(JdbcRepository.DDL_FILE_NAME_KEY, "db/jobrepo/jberet-sqlite.ddl");
        p.setProperty(JdbcRepository.DB_PROPERTIES_KEY, "busy_timeout=10000:journal_mode=WAL:synchronous=NORMAL");
        return p;
    }

    /**
     * The repository on PostgreSQL: JBeret's own DDL for it, tables prefixed {@code jberet_} beside the tracker's.
     * The password goes to JBeret in these properties, which it keeps in memory; never in a job parameter.
     */
    static Properties repositoryProperties(PostgresLogin server) {
        Properties p = new Properties();
        p.setProperty("job-repository-type", "jdbc");
        p.setProperty(JdbcRepository.DB_URL_KEY, server.url());
        if (server.user() != null) {
            p.setProperty(JdbcRepository.DB_USER_KEY, server.user());
        }
        if (server.password() != null) {
            p.setProperty(JdbcRepository.DB_PASSWORD_KEY, server.password());
        }
        p.setProperty(JdbcRepository.DDL_FILE_NAME_KEY, "sql/jberet-postgresql.ddl");
        p.setProperty(JdbcRepository.DB_TABLE_PREFIX_KEY, "jberet_");
        return p;
    }

    /** The tracker whose job repository this is; null for an environment made from a repository file alone. */
    TrackerDatabase tracker() {
        return tracker;
    }

    /**
     * The input snapshot of the execution running now (PostgreSQL only). The run lock allows one execution per
     * tracker at a time, hence one per environment: its listener sets this before the first step and clears it after
     * the last.
     */
    private final java.util.concurrent.atomic.AtomicReference<InputSnapshot> snapshot =
            new java.util.concurrent.atomic.AtomicReference<>();

    void holdSnapshot() {
        tracker.holdSnapshot().ifPresent(held -> {
            InputSnapshot previous = snapshot.getAndSet(held);
            if (previous != null) {
                previous.close();
            }
        });
    }

    void releaseSnapshot() {
        InputSnapshot held = snapshot.getAndSet(null);
        if (held != null) {
            held.close();
        }
    }

    /** The tracker as the running execution reads it: in its snapshot, if one is held. */
    TrackerDatabase trackerAsRead() {
        InputSnapshot held = snapshot.get();
        return held == null ? tracker : tracker.atSnapshot(held.id());
    }

    @Override
    public ClassLoader getClassLoader() {
        return ChokepointBatchEnvironment.class.getClassLoader();
    }

    @Override
    public ArtifactFactory getArtifactFactory() {
        return NoCdiArtifactFactory.INSTANCE;
    }

    @Override
    public void submitTask(JobTask task) {
        executor.execute(task);
    }

    @Override
    public TransactionManager getTransactionManager() {
        return LocalTransactionManager.getInstance();
    }

    @Override
    public JobRepository getJobRepository() {
        return repository;
    }

    @Override
    public JobXmlResolver getJobXmlResolver() {
        return jobXmlResolver;
    }

    @Override
    public Properties getBatchConfigurationProperties() {
        return new Properties();
    }

    @Override
    public String getApplicationName() {
        return null;
    }

    ExecutorService threads() {
        return threads;
    }

    /**
     * Creates nothing, so JBeret falls back to its own creation: the class named in {@code META-INF/batch.xml}
     * is instantiated and its {@code @Inject} fields are filled, as a Jakarta EE container's CDI would.
     */
    private enum NoCdiArtifactFactory implements ArtifactFactory {
        INSTANCE;

        @Override
        public Object create(String ref, Class<?> cls, ClassLoader classLoader) {
            return null;
        }

        @Override
        public void destroy(Object instance) {
            // nothing was created here
        }

        @Override
        public Class<?> getArtifactClass(String ref, ClassLoader classLoader) {
            return null;
        }
    }
}
