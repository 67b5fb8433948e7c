package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;
import io.chokepoint.PostgresServer;
import io.chokepoint.tracking.store.PostgresLogin;
import io.chokepoint.tracking.ReportPeriod;
import io.chokepoint.tracking.store.TrackerDatabase;

/**
 * The run lock of a tracker on PostgreSQL is an advisory lock held by a session: another process (another host)
 * is refused while it is held, and a kill -9 of the holder frees it, since the server ends the session.
 */
class PostgresRunLockTest {

    @RegisterExtension
    static final PostgresServer pg = new PostgresServer();

    private static final ReportPeriod MONTH = ReportPeriod.parse("2026-01");

    @TempDir
    Path dir;

    /** Child JVM: takes the lock, says so, and holds it until killed. */
    public static void main(String[] args) throws Exception {
        PostgresLogin login = new PostgresLogin(args[0], args[1], System.getenv("CHOKEPOINT_DB_PASSWORD"));
        TrackerDatabase db = TrackerDatabase.connect(login);
        RunLock lock = RunLock.acquire(db, MONTH, Clock.systemUTC());
        System.out.println("locked " + lock.name());
        System.out.flush();
        Thread.sleep(600_000);
    }

    @Test
    void heldByAnotherProcess_refused_thenKill9_freesIt() throws Exception {
        PostgresLogin login = pg.login();
        TrackerDatabase.open(login);
        TrackerDatabase db = TrackerDatabase.connect(login);
        try (ChildJvm holder = ChildJvm.start(dir, PostgresServer.env(login), PostgresRunLockTest.class,
                login.url(), login.user())) {
            holder.awaitWhileAlive("the child to take the lock", () -> holder.out().contains("locked"));

            assertThatThrownBy(() -> RunLock.acquire(db, MONTH, Clock.systemUTC()))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("only one run at a time per month");
            // Another month runs beside it.
            try (RunLock other = RunLock.acquire(db, MONTH.previous(), Clock.systemUTC())) {
                assertThat(other.name()).contains(MONTH.previous().toString());
            }

            holder.kill();
            assertThat(holder.exitCode()).isNotZero();
        }
        // The server ends the killed process's session, and its lock with it (it may take a moment to notice).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (RunLock mine = RunLock.acquire(db, MONTH, Clock.systemUTC())) {
                assertThat(mine.guards(db)).isTrue();
                break;
            } catch (RunLockedException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
